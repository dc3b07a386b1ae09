package dev.menagerie.admin.impl.pause;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.testing.Await;
import dev.menagerie.testing.Components;
import dev.menagerie.testing.FakeServerConfig;
import dev.menagerie.testing.MetricCounts;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The monitor's figures as {@code mntr} shows them: {@code jvm_pause_time_ms}, listed from the start. */
class JvmPauseMonitorTest {

    private final MetricsRegistry metrics = Components.create(MetricsRegistry.class).service();

    @Test
    void everyLookRecordsHowMuchLongerThanAskedItSlept() {
        JvmPauseMonitor monitor = new JvmPauseMonitor(metrics);
        assertEquals(0, MetricCounts.count(metrics, "jvm_pause_time_ms"), "listed at 0 while the monitor is off");
        FakeServerConfig config = new FakeServerConfig();
        config.properties.put("jvm.pause.monitor", "true");
        config.properties.put("jvm.pause.sleep.time.ms", "5");
        try {
            monitor.bindServerConfig(config);
            Await.untilTrue("three looks recorded", Duration.ofSeconds(20),
                    () -> MetricCounts.count(metrics, "jvm_pause_time_ms") >= 3);
        } finally {
            monitor.deactivate();
        }
    }

    @Test
    void offByDefaultAsApachesIs() {
        JvmPauseMonitor monitor = new JvmPauseMonitor(metrics);
        FakeServerConfig config = new FakeServerConfig();
        config.properties.put("jvm.pause.sleep.time.ms", "5");
        monitor.bindServerConfig(config);
        try {
            Await.nothingWithin("a look of a monitor that is off", Duration.ofMillis(300),
                    () -> MetricCounts.count(metrics, "jvm_pause_time_ms") > 0);
        } finally {
            monitor.deactivate();
        }
    }
}
