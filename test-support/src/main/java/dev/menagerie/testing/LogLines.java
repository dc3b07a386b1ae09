package dev.menagerie.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The log lines written while it is open, as an operator reads them on the console: slf4j-simple, the tests'
 * binding, prints to standard error, which this tees (the output still reaches the real standard error). Lines
 * written by any thread are kept in order.
 */
public final class LogLines implements AutoCloseable {

    private final PrintStream original = System.err;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    public LogLines() {
        System.setErr(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                take(b);
            }
        }, true, StandardCharsets.UTF_8));
    }

    private synchronized void take(int b) {
        if (b == '\n') {
            lines.add(partial.toString(StandardCharsets.UTF_8));
            partial.reset();
        } else {
            partial.write(b);
        }
    }

    /** The complete lines so far that contain {@code text}. */
    public List<String> containing(String text) {
        return lines.stream().filter(line -> line.contains(text)).toList();
    }

    /** Waits up to {@code timeout} for a line containing {@code text} and returns the first one. */
    public String await(String text, Duration timeout) {
        return Await.until("a log line containing '" + text + "'", timeout, () -> {
            List<String> found = containing(text);
            return found.isEmpty() ? null : found.get(0);
        });
    }

    @Override
    public void close() {
        System.setErr(original);
    }
}
