package dev.menagerie.server.impl.failstop;

import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a part of the server reports what must never happen (a committed transaction that cannot be applied,
 * a tree digest that differs from the leader's, a transaction log that cannot be written, a failed election step):
 * the first report logs one ERROR line with its cause and runs the stop action on a thread of its own, so the
 * reporting thread, which the stop may wait for, is never blocked. As Apache's critical-thread handling, the server
 * stops serving and, under bin/zkServer.sh, the process exits non-zero. Later reports are logged at DEBUG only.
 */
public final class FailStop {

    private static final Logger LOG = LoggerFactory.getLogger(FailStop.class);

    private final AtomicReference<String> reason = new AtomicReference<>();
    private volatile Runnable stopAction = () -> { };

    /** What stopping means for the owner; set before the server serves. */
    public void onStop(Runnable action) {
        stopAction = action;
    }

    /**
     * Stops the server once.
     *
     * @param what  what went wrong, as one sentence fragment
     * @param cause the failure, or null
     */
    public void stop(String what, Throwable cause) {
        String line = cause == null ? what : what + ": " + cause;
        if (!reason.compareAndSet(null, line)) {
            LOG.debug("Already stopping; also: {}", line, cause);
            return;
        }
        LOG.error("Stopping this server (fail-stop): {}", line);
        if (cause instanceof RuntimeException || cause instanceof Error) {
            LOG.debug("Where it failed", cause); // a bug: the trace helps, at DEBUG so the ERROR stays one line
        }
        Thread stopper = new Thread(stopAction, "menagerie-fail-stop");
        stopper.setDaemon(false);
        stopper.start();
    }

    public boolean stopped() {
        return reason.get() != null;
    }

    /** The ERROR line's text, or null while nothing failed. */
    public String reason() {
        return reason.get();
    }
}
