package dev.menagerie.admin.impl.json;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Writes maps, lists, strings, numbers, booleans and null as JSON text. Anything else is written as the JSON string
 * of its {@code toString()}, so a {@code Path} or an enum needs no special case at the call site.
 *
 * <p>Hand-written so the bundle needs no JSON library at run time; the admin output is small and flat.
 */
public final class JsonWriter {

    /** Deeper nesting than this is a bug (most likely a map that contains itself), not data. */
    static final int MAX_DEPTH = 64;

    private static final String INDENT = "  ";

    private final boolean pretty;
    private final StringBuilder out = new StringBuilder();

    private JsonWriter(boolean pretty) {
        this.pretty = pretty;
    }

    /** Compact JSON on one line. */
    public static String compact(Object value) {
        return new JsonWriter(false).value(value, 0).out.toString();
    }

    /** JSON indented by two spaces per level, as curl users read it. */
    public static String pretty(Object value) {
        return new JsonWriter(true).value(value, 0).out.toString();
    }

    private JsonWriter value(Object value, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("JSON nesting deeper than " + MAX_DEPTH + " levels");
        }
        if (value instanceof Optional<?> optional) {
            value = optional.orElse(null);
        }
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Number number) {
            number(number);
        } else if (value instanceof Map<?, ?> map) {
            object(map, depth);
        } else if (value instanceof Path path) {
            // A Path is Iterable over its own name elements; it means its text here.
            string(path.toString());
        } else if (value instanceof Iterable<?> iterable) {
            array(iterable.iterator(), depth);
        } else if (value instanceof Object[] array) {
            array(java.util.Arrays.asList(array).iterator(), depth);
        } else {
            string(value.toString());
        }
        return this;
    }

    private void number(Number number) {
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            // JSON has no NaN or infinity.
            out.append(Double.isFinite(d) ? number.toString() : "null");
        } else {
            out.append(number);
        }
    }

    private void object(Map<?, ?> map, int depth) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            separator(first, depth + 1);
            first = false;
            string(String.valueOf(entry.getKey()));
            out.append(pretty ? ": " : ":");
            value(entry.getValue(), depth + 1);
        }
        close(first, depth, '}');
    }

    private void array(Iterator<?> items, int depth) {
        out.append('[');
        boolean first = true;
        while (items.hasNext()) {
            separator(first, depth + 1);
            first = false;
            value(items.next(), depth + 1);
        }
        close(first, depth, ']');
    }

    private void separator(boolean first, int depth) {
        if (!first) {
            out.append(',');
        }
        newLine(depth);
    }

    private void close(boolean empty, int depth, char bracket) {
        if (!empty) {
            newLine(depth);
        }
        out.append(bracket);
    }

    private void newLine(int depth) {
        if (pretty) {
            out.append('\n').append(INDENT.repeat(depth));
        }
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            escapeChar(s.charAt(i));
        }
        out.append('"');
    }

    private void escapeChar(char c) {
        switch (c) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            default -> {
                // Control characters must be escaped; U+2028/2029 are legal JSON but break JavaScript parsers,
                // and '<' keeps "</script>" from closing a page that embeds the output.
                if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || c == '<') {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
    }
}
