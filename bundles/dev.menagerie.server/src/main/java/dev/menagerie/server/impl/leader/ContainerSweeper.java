package dev.menagerie.server.impl.leader;

import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.jute.JuteWriter;
import dev.menagerie.server.impl.pipeline.Request;
import dev.menagerie.server.impl.tree.DataTree;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apache's ContainerManager: every {@code znode.container.checkIntervalMs} it asks for deletion of the empty
 * containers that once had children and of the TTL nodes whose time is up, at most
 * {@code znode.container.maxPerMinute} a minute. A deletion the full pipeline refuses is asked for again at the
 * next check, since the container is still a candidate then.
 */
final class ContainerSweeper {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerSweeper.class);

    private final DataTree tree;
    private final Predicate<Request> submit;
    private final long intervalMs;
    private final long maxNeverUsedIntervalMs = Long.getLong("znode.container.maxNeverUsedIntervalMs", 0);
    private final int maxPerMinute = Integer.getInteger("znode.container.maxPerMinute", 10_000);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "menagerie-container-sweeper");
        thread.setDaemon(true);
        return thread;
    });

    ContainerSweeper(DataTree tree, Predicate<Request> submit, long intervalMs) {
        this.tree = tree;
        this.submit = submit;
        this.intervalMs = Math.max(1, intervalMs);
    }

    void start() {
        timer.scheduleWithFixedDelay(this::sweep, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
    }

    void stop() {
        timer.shutdownNow();
    }

    private void sweep() {
        try {
            int budget = (int) Math.max(1, maxPerMinute * intervalMs / 60_000);
            for (String path : tree.containerCandidates(System.currentTimeMillis(), maxNeverUsedIntervalMs)) {
                if (budget-- <= 0) {
                    break;
                }
                JuteWriter body = new JuteWriter(path.length() + 8);
                body.writeString(path);
                if (!submit.test(new Request(null, 0, 0, OpCode.DELETE_CONTAINER, body.toByteArray(), List.of()))) {
                    LOG.warn("The request queue is full; deleting {} and the containers after it waits for the"
                            + " next check", path);
                    break;
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Container check failed: {}", e.toString());
        }
    }
}
