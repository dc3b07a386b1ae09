package dev.menagerie.storage.file.impl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The {@code currentEpoch} and {@code acceptedEpoch} files: a decimal number as text, in the snapshot directory
 * ({@code <dataDir>/version-2}), where Apache's QuorumPeer keeps them. Written atomically, as Apache does.
 */
final class EpochFiles {

    static final String CURRENT_EPOCH = "currentEpoch";
    static final String ACCEPTED_EPOCH = "acceptedEpoch";

    private EpochFiles() {
    }

    /** The number in {@code file}, 0 when the file does not exist. */
    static long read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (NoSuchFileException e) {
            return 0;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IOException(file + " should hold a decimal epoch but holds \"" + abbreviate(text) + "\"");
        }
    }

    static void write(LogChannel.Opener opener, Path file, long epoch) throws IOException {
        AtomicFiles.write(opener, file, Long.toString(epoch).getBytes(StandardCharsets.US_ASCII));
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
