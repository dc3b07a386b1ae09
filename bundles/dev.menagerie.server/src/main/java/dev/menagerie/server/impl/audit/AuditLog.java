package dev.menagerie.server.impl.audit;

import dev.menagerie.server.impl.audit.AuditRecord.Result;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apache ZooKeeper's audit log ({@code audit.enable}): one line per audited event, written to the logger Apache
 * writes to, so logging configurations that route {@value #LOGGER_NAME} to an audit file keep working unchanged.
 * Failures go out at ERROR, everything else at INFO, as in Apache. Off by default; callers ask {@link #enabled()}
 * before building an event, so a server with auditing off does no audit work per request.
 */
public final class AuditLog {

    public static final String LOGGER_NAME = "org.apache.zookeeper.audit.Slf4jAuditLogger";
    private static final Logger AUDIT = LoggerFactory.getLogger(LOGGER_NAME);
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    /**
     * Apache names the user the server runs as in its own events (start, stop, deleting a closed session's
     * ephemerals): its Kerberos login when it has one, else the JVM's {@code user.name}. We have no server login.
     */
    private final String serverUser = System.getProperty("user.name", "<NA>");
    private volatile boolean enabled;
    /** Apache only arranges the serverStop event once the start succeeded. */
    private volatile boolean started;

    public AuditLog(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }

    /** Follows a zoo.cfg edit of {@code audit.enable}; Apache needs a restart for it. */
    public void setEnabled(boolean on) {
        if (on != enabled) {
            enabled = on;
            LOG.info("Audit logging turned {} (audit.enable={})", on ? "on" : "off", on);
        }
    }

    /** A server's start, which may fail. */
    @FunctionalInterface
    public interface Startup {
        void run() throws IOException;
    }

    /** Runs {@code startup}, then audits serverStart as succeeded or failed, as Apache's main classes do. */
    public void start(Startup startup) throws IOException {
        try {
            startup.run();
        } catch (IOException | RuntimeException e) {
            server("serverStart", Result.FAILURE);
            throw e;
        }
        started = true;
        server("serverStart", Result.SUCCESS);
    }

    /** {@code invoked}, not success: the stop is only beginning when this is written. */
    public void serverStopping() {
        if (started) {
            started = false;
            server("serverStop", Result.INVOKED);
        }
    }

    /**
     * The server deleted a closed or expired session's ephemeral nodes. Every server of an ensemble writes these
     * (each applies the closeSession), unlike client operations, which only the client's server writes.
     */
    public void ephemeralsDeleted(long sessionId, List<String> paths) {
        if (!enabled || paths.isEmpty()) {
            return;
        }
        String session = AuditRecord.sessionText(sessionId);
        for (String path : paths) {
            write(new AuditRecord(session, serverUser, null, "ephemeralZNodeDeletionOnSessionCloseOrExpire", path,
                    null, null, Result.SUCCESS));
        }
    }

    public void write(AuditRecord event) {
        if (event.result() == Result.FAILURE) {
            AUDIT.error(event.line());
        } else {
            AUDIT.info(event.line());
        }
    }

    private void server(String operation, Result result) {
        if (enabled) {
            write(AuditRecord.ofServer(serverUser, operation, result));
        }
    }
}
