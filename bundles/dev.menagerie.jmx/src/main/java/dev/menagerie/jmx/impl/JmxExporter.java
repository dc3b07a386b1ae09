package dev.menagerie.jmx.impl;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.status.ServerStatus;
import java.lang.management.ManagementFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers Apache ZooKeeper's MBeans on the platform MBean server while a {@link ServerStatus} and a
 * {@link ServerConfig} service exist and this bundle runs, and keeps them in step with the server (connections come
 * and go, the mode changes) by refreshing once a second. Stopping the bundle, or the server going away, unregisters
 * them all.
 */
@Component(immediate = true)
public final class JmxExporter {

    private static final Logger LOG = LoggerFactory.getLogger(JmxExporter.class);
    static final long REFRESH_MS = 1000;

    private final ApacheBeans beans;
    private final ScheduledExecutorService refresher;

    @Activate
    public JmxExporter(@Reference ServerStatus status, @Reference ServerConfig config) {
        beans = new ApacheBeans(status, config, ManagementFactory.getPlatformMBeanServer(), System::currentTimeMillis);
        refresher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "menagerie-jmx");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(this::refresh, 0, REFRESH_MS, TimeUnit.MILLISECONDS);
    }

    private void refresh() {
        try {
            beans.refresh();
        } catch (RuntimeException e) {
            LOG.warn("Refreshing the JMX beans failed; the next refresh tries again", e);
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        refresher.shutdown();
        if (!refresher.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("The JMX refresher did not stop within 10 s");
        }
        beans.clear();
        LOG.info("JMX beans unregistered");
    }
}
