package dev.menagerie.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Edits zoo.cfg the way an operator would: one {@code key=value} line at a time, keeping the others in order.
 * Each edit replaces the file in one atomic rename, so the config poller never reads half a file.
 */
final class ZooCfgFile {

    private final Path path;

    ZooCfgFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    Optional<String> get(String key) {
        return lines().stream()
                .filter(line -> isLineFor(line, key))
                .map(line -> line.substring(line.indexOf('=') + 1).trim())
                .findFirst();
    }

    /** Replaces the line for {@code key}, or appends one when there is none. */
    void set(String key, String value) {
        List<String> lines = lines();
        String newLine = key + "=" + value;
        int index = indexOf(lines, key);
        if (index < 0) {
            lines.add(newLine);
        } else {
            lines.set(index, newLine);
        }
        write(lines);
    }

    void remove(String key) {
        List<String> lines = lines();
        lines.removeIf(line -> isLineFor(line, key));
        write(lines);
    }

    /** Puts back the content the fixture wrote before the framework started; returns false if it was already there. */
    boolean restoreBaseline() {
        Path baseline = path.resolveSibling(path.getFileName() + QuorumFixture.BASELINE_SUFFIX);
        try {
            String wanted = Files.readString(baseline);
            if (wanted.equals(Files.readString(path))) {
                return false;
            }
            writeText(wanted);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot restore " + path, e);
        }
    }

    private List<String> lines() {
        try {
            return new ArrayList<>(Files.readAllLines(path));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }

    private void write(List<String> lines) {
        writeText(String.join("\n", lines) + "\n");
    }

    /**
     * The config poller notices an edit by modification time (milliseconds) and size; two edits of equal size in
     * one millisecond would look like one, so each edit moves the time forward by at least a millisecond.
     */
    private void writeText(String text) {
        try {
            long previousMillis = Files.getLastModifiedTime(path).toMillis();
            Path temp = path.resolveSibling(path.getFileName() + ".edit");
            Files.writeString(temp, text);
            long editMillis = Math.max(System.currentTimeMillis(), previousMillis + 1);
            Files.setLastModifiedTime(temp, FileTime.fromMillis(editMillis));
            Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + path, e);
        }
    }

    private static int indexOf(List<String> lines, String key) {
        for (int i = 0; i < lines.size(); i++) {
            if (isLineFor(lines.get(i), key)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isLineFor(String line, String key) {
        int equals = line.indexOf('=');
        return equals > 0 && !line.startsWith("#") && line.substring(0, equals).trim().equals(key);
    }
}
