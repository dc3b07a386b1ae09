package dev.menagerie.config.impl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads zoo.cfg with the syntax of {@link java.util.Properties#load(java.io.InputStream)} (what Apache ZooKeeper
 * uses), but keeps the line numbers and every occurrence of a key, so that errors can point at a line and repeated
 * keys can be reported instead of silently losing all but the last.
 */
final class ZooCfgReader {

    private ZooCfgReader() {
    }

    /** All entries in file order. Properties files are ISO-8859-1 with backslash-u escapes for the rest. */
    static List<ConfigLine> read(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        return parse(text);
    }

    static List<ConfigLine> parse(String text) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        List<ConfigLine> entries = new ArrayList<>();
        int index = 0;
        while (index < lines.length) {
            int firstLine = index + 1;
            StringBuilder logical = new StringBuilder(stripLeading(lines[index]));
            if (isCommentOrBlank(logical)) {
                index++;
                continue;
            }
            while (endsWithContinuation(logical) && index + 1 < lines.length) {
                logical.setLength(logical.length() - 1);
                index++;
                logical.append(stripLeading(lines[index]));
            }
            if (endsWithContinuation(logical)) {
                logical.setLength(logical.length() - 1);
            }
            index++;
            entries.add(splitEntry(logical.toString(), firstLine));
        }
        return entries;
    }

    private static boolean isCommentOrBlank(CharSequence line) {
        return line.length() == 0 || line.charAt(0) == '#' || line.charAt(0) == '!';
    }

    /** An odd number of trailing backslashes joins the next line. */
    private static boolean endsWithContinuation(CharSequence line) {
        int backslashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static ConfigLine splitEntry(String line, int lineNumber) {
        int keyEnd = 0;
        while (keyEnd < line.length() && !isKeyTerminator(line.charAt(keyEnd))) {
            keyEnd += line.charAt(keyEnd) == '\\' ? 2 : 1;
        }
        keyEnd = Math.min(keyEnd, line.length());
        int valueStart = skipWhitespace(line, keyEnd);
        if (valueStart < line.length() && (line.charAt(valueStart) == '=' || line.charAt(valueStart) == ':')) {
            valueStart = skipWhitespace(line, valueStart + 1);
        }
        String key = unescape(line.substring(0, keyEnd)).trim();
        String value = unescape(line.substring(valueStart)).trim();
        return new ConfigLine(key, value, lineNumber);
    }

    private static boolean isKeyTerminator(char c) {
        return c == '=' || c == ':' || Character.isWhitespace(c);
    }

    private static int skipWhitespace(String line, int from) {
        int i = from;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String stripLeading(String line) {
        int i = skipWhitespace(line, 0);
        return line.substring(i);
    }

    private static String unescape(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\' || i + 1 >= raw.length()) {
                out.append(c);
                continue;
            }
            char next = raw.charAt(++i);
            if (next == 'u' && isHex(raw, i + 1)) {
                out.append((char) Integer.parseInt(raw.substring(i + 1, i + 5), 16));
                i += 4;
            } else {
                out.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 'f' -> '\f';
                    default -> next;
                });
            }
        }
        return out.toString();
    }

    private static boolean isHex(String raw, int from) {
        if (from + 4 > raw.length()) {
            return false;
        }
        for (int i = from; i < from + 4; i++) {
            if (Character.digit(raw.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
