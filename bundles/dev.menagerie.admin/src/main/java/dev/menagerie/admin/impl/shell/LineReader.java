package dev.menagerie.admin.impl.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads lines of at most {@link #MAX_LINE_BYTES} bytes, so a client cannot make the server buffer without end. */
final class LineReader {

    static final int MAX_LINE_BYTES = 16 * 1024;

    private final InputStream in;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line without its end ({@code \n} or {@code \r\n}); null at end of stream. */
    String next() throws IOException {
        byte[] line = new byte[MAX_LINE_BYTES];
        int length = 0;
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (length == MAX_LINE_BYTES) {
                throw new IOException("a line longer than " + MAX_LINE_BYTES + " bytes");
            }
            line[length++] = (byte) b;
        }
        if (b == -1 && length == 0) {
            return null;
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        return new String(line, 0, length, StandardCharsets.UTF_8);
    }
}
