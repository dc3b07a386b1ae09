package dev.menagerie.server.e2e;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the audit lines written while it is open, as an operator sees them: the messages of the audit logger
 * (slf4j-simple prints it to standard error in tests, at INFO as simplelogger.properties sets), in order.
 * Everything is still passed through to the real standard error.
 */
final class AuditCapture implements AutoCloseable {

    private static final String MARKER = " org.apache.zookeeper.audit.Slf4jAuditLogger - ";
    private final PrintStream original = System.err;
    private final List<String> lines = new ArrayList<>();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    AuditCapture() {
        System.setErr(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                collect(b);
            }
        }, true, StandardCharsets.UTF_8));
    }

    private synchronized void collect(int b) {
        if (b != '\n') {
            pending.write(b);
            return;
        }
        String line = pending.toString(StandardCharsets.UTF_8);
        pending.reset();
        int at = line.indexOf(MARKER);
        if (at >= 0) {
            String level = line.substring(line.lastIndexOf(' ', at - 1) + 1, at);
            lines.add(level + " " + line.substring(at + MARKER.length()));
        }
    }

    /** The audit lines so far, each its level, a space and Apache's tab-separated {@code key=value} message. */
    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        System.setErr(original);
    }
}
