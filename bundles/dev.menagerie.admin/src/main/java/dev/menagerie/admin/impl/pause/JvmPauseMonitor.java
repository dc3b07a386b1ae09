package dev.menagerie.admin.impl.pause;

import dev.menagerie.admin.impl.metrics.AdminMetrics;
import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.metrics.Summary;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apache ZooKeeper's JVM pause monitor ({@code jvm.pause.monitor=true}): a daemon thread sleeps
 * {@code jvm.pause.sleep.time.ms} at a time and logs, at INFO or WARN by the two thresholds, each sleep that took
 * much longer, with the garbage collections that happened meanwhile. As Apache's, it records how much longer than
 * asked every sleep took in {@code jvm_pause_time_ms}. It follows zoo.cfg edits: a changed setting restarts the
 * thread. Starting, it registers the admin bundle's metrics, so they are listed whether or not the admin HTTP
 * server runs.
 */
@Component(immediate = true, service = {})
public final class JvmPauseMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(JvmPauseMonitor.class);

    private final Object lock = new Object();
    private final Summary pauseTimeMs;
    private volatile ServerConfig config;
    /** Guarded by {@link #lock}. */
    private PauseMonitorSettings running = PauseMonitorSettings.OFF;
    /** Guarded by {@link #lock}; null while off. */
    private Thread thread;

    @Activate
    public JvmPauseMonitor(@Reference(name = "metrics") MetricsRegistry metrics) {
        pauseTimeMs = new AdminMetrics(metrics).jvmPauseTimeMs;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindServerConfig(ServerConfig newConfig) {
        config = newConfig;
        apply(PauseMonitorSettings.from(newConfig.properties()));
    }

    void unbindServerConfig(ServerConfig oldConfig) {
        // Greedy rebinding binds the newer service before unbinding the older one; keep running on the last one.
        if (config == oldConfig) {
            config = null;
        }
    }

    @Deactivate
    void deactivate() {
        apply(PauseMonitorSettings.OFF);
    }

    private void apply(PauseMonitorSettings wanted) {
        synchronized (lock) {
            if (wanted.equals(running)) {
                return;
            }
            if (thread != null) {
                thread.interrupt();
                thread = null;
            }
            running = wanted;
            if (wanted.enabled()) {
                thread = new Thread(() -> watch(wanted), "JVM Pause Monitor");
                thread.setDaemon(true);
                thread.start();
                LOG.info("JVM pause monitor started: sleeps {} ms, logs pauses over {} ms (INFO) and {} ms (WARN)",
                        wanted.sleepMs(), wanted.infoThresholdMs(), wanted.warnThresholdMs());
            }
        }
    }

    private void watch(PauseMonitorSettings settings) {
        PauseDetector detector = new PauseDetector(settings, gcCounts());
        while (!Thread.currentThread().isInterrupted()) {
            long startNs = System.nanoTime();
            try {
                Thread.sleep(settings.sleepMs());
            } catch (InterruptedException e) {
                return;
            }
            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs);
            if (elapsedMs >= settings.sleepMs()) {
                pauseTimeMs.record(elapsedMs - settings.sleepMs());
            }
            PauseDetector.Report report = detector.look(elapsedMs, gcCounts());
            if (report != null && report.warn()) {
                LOG.warn("{}", report.line());
            } else if (report != null) {
                LOG.info("{}", report.line());
            }
        }
    }

    private static List<PauseDetector.GcCounts> gcCounts() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(JvmPauseMonitor::counts).toList();
    }

    private static PauseDetector.GcCounts counts(GarbageCollectorMXBean bean) {
        return new PauseDetector.GcCounts(bean.getName(), Math.max(0, bean.getCollectionCount()),
                Math.max(0, bean.getCollectionTime()));
    }
}
