package dev.menagerie.admin.impl.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    @Test
    void linesEndAtLineFeedsWithOrWithoutCarriageReturnsAndTheLastNeedsNone() throws IOException {
        LineReader reader = reader("token\r\nmenagerie:status\n\nexit");

        assertEquals("token", reader.next());
        assertEquals("menagerie:status", reader.next());
        assertEquals("", reader.next());
        assertEquals("exit", reader.next());
        assertNull(reader.next());
    }

    @Test
    void aLineLongerThanTheBoundEndsTheSession() {
        LineReader reader = reader("x".repeat(LineReader.MAX_LINE_BYTES + 1) + "\n");

        IOException tooLong = assertThrows(IOException.class, reader::next);
        assertEquals("a line longer than 16384 bytes", tooLong.getMessage());
    }

    private static LineReader reader(String text) {
        return new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
