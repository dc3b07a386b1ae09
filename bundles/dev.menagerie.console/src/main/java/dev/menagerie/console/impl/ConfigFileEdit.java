package dev.menagerie.console.impl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Sets one {@code key=value} line of zoo.cfg, as an operator's editor would: every line assigning the key is
 * rewritten (comments and other lines stay as they are), or the line is appended when there is none. The new
 * text is written next to the file and moved over it, so the config bundle's watcher never reads half a file; it
 * then applies the change exactly as it applies a hand edit.
 */
final class ConfigFileEdit {

    /** Keys are Apache's (letters, digits, dots, underscores); values a strategy type (no spaces or newlines). */
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9._$-]+");

    private ConfigFileEdit() {
    }

    static void set(Path file, String key, String value) throws IOException {
        if (!VALUE.matcher(key).matches() || !VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a zoo.cfg key and value: " + key + "=" + value);
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> edited = new ArrayList<>(lines.size() + 1);
        boolean found = false;
        for (String line : lines) {
            if (assigns(line, key)) {
                edited.add(key + "=" + value);
                found = true;
            } else {
                edited.add(line);
            }
        }
        if (!found) {
            edited.add(key + "=" + value);
        }
        Path temporary = file.resolveSibling(file.getFileName() + ".console-edit");
        Files.write(temporary, edited, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean assigns(String line, String key) {
        String trimmed = line.strip();
        if (!trimmed.startsWith(key)) {
            return false;
        }
        return trimmed.substring(key.length()).stripLeading().startsWith("=");
    }
}
