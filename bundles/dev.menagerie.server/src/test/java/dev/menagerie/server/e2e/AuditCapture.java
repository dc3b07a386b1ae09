package dev.menagerie.server.e2e;

import dev.menagerie.testing.LogLines;
import java.util.List;

/**
 * Collects the audit lines written while it is open, as an operator sees them: the messages of the audit logger
 * (slf4j-simple prints it to standard error in tests, at INFO as simplelogger.properties sets), in order.
 * Everything is still passed through to the real standard error.
 */
final class AuditCapture implements AutoCloseable {

    private static final String MARKER = " org.apache.zookeeper.audit.Slf4jAuditLogger - ";
    private final LogLines log = new LogLines();

    /** The audit lines so far, each its level, a space and Apache's tab-separated {@code key=value} message. */
    List<String> lines() {
        return log.containing(MARKER).stream().map(line -> {
            int at = line.indexOf(MARKER);
            return line.substring(line.lastIndexOf(' ', at - 1) + 1, at) + " " + line.substring(at + MARKER.length());
        }).toList();
    }

    @Override
    public void close() {
        log.close();
    }
}
