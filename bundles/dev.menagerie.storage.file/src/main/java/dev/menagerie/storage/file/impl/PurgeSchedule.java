package dev.menagerie.storage.file.impl;

import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs autopurge every {@code intervalHours} on a daemon thread, the first time at once (as Apache's
 * DatadirCleanupManager); an interval of 0 turns it off.
 */
final class PurgeSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(PurgeSchedule.class);
    private static final long STOP_TIMEOUT_MS = 10_000;

    private final Purger purger;
    private final int intervalHours;
    private final Path snapDir;
    private ScheduledExecutorService timer;

    PurgeSchedule(Purger purger, int intervalHours, Path snapDir) {
        this.purger = purger;
        this.intervalHours = intervalHours;
        this.snapDir = snapDir;
    }

    synchronized void start() {
        if (intervalHours <= 0 || timer != null) {
            LOG.info("Autopurge is off for {} (purgeInterval 0)", snapDir);
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "menagerie-purge " + snapDir);
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(this::runOnce, 0, intervalHours, TimeUnit.HOURS);
        LOG.info("Autopurge every {} h for {}", intervalHours, snapDir);
    }

    private void runOnce() {
        try {
            purger.purge();
        } catch (Exception e) {
            // A failed run must not cancel the schedule (an exception would); the next run tries again.
            LOG.warn("Autopurge of {} failed: {}", snapDir, e.toString());
        }
    }

    synchronized void stop() {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        try {
            timer.awaitTermination(STOP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timer = null;
    }
}
