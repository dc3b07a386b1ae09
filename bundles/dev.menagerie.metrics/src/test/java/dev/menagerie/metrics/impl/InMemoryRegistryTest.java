package dev.menagerie.metrics.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.metrics.MetricVisitor;
import dev.menagerie.api.metrics.MetricsRegistry.Detail;
import dev.menagerie.api.metrics.Registration;
import dev.menagerie.api.metrics.SummarySnapshot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InMemoryRegistryTest {

    private final InMemoryRegistry registry = new InMemoryRegistry();

    @Test
    void theSameNameAndKindGiveTheSameMetric() {
        assertSame(registry.counter("commit_count"), registry.counter("commit_count"));
        assertSame(registry.summary("fsynctime", Detail.BASIC), registry.summary("fsynctime", Detail.BASIC));
        assertSame(registry.counterSet("quota_exceeded_error_per_namespace"),
                registry.counterSet("quota_exceeded_error_per_namespace"));
        assertSame(registry.summarySet("ack_latency", Detail.ADVANCED),
                registry.summarySet("ack_latency", Detail.ADVANCED));
    }

    @Test
    void aNameTakenByAnotherKindIsRefusedWithBothKinds() {
        registry.counter("commit_count");
        registry.summary("fsynctime", Detail.BASIC);
        registry.gauge("znode_count", () -> 1);
        IllegalArgumentException clash = assertThrows(IllegalArgumentException.class,
                () -> registry.summary("commit_count", Detail.BASIC));
        assertEquals("metric commit_count is already a counter, asked for a summary", clash.getMessage());
        assertThrows(IllegalArgumentException.class, () -> registry.summary("fsynctime", Detail.ADVANCED));
        assertThrows(IllegalArgumentException.class, () -> registry.summarySet("fsynctime", Detail.BASIC));
        assertThrows(IllegalArgumentException.class, () -> registry.gauge("commit_count", () -> 2));
        assertThrows(IllegalArgumentException.class, () -> registry.counter("znode_count"));
        assertThrows(IllegalArgumentException.class, () -> registry.gaugeSet("znode_count", Map::of));
        Map<String, Object> read = read();
        assertEquals(List.of("commit_count", "fsynctime", "znode_count"), List.copyOf(read.keySet()),
                "a refused request changes nothing");
        assertEquals(Detail.BASIC, ((SummarySnapshot) read.get("fsynctime")).detail());
        assertEquals(1, read.get("znode_count"));
    }

    @Test
    void namesMustLookLikeApachesNames() {
        for (String bad : new String[] {"Commit_Count", "zk-commit", "", "a b"}) {
            assertThrows(IllegalArgumentException.class, () -> registry.counter(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> registry.gauge("p99.9", () -> 1));
        assertThrows(IllegalArgumentException.class, () -> registry.counter("commit_count").add(-1));
    }

    @Test
    void metricsAreReadInNameOrderAndSetsInKeyOrder() {
        registry.counter("b_count").add(3);
        registry.counterSet("writes").increment("/zoo");
        registry.counterSet("writes").add("/apps", 2);
        registry.summarySet("read_per_namespace", Detail.BASIC).record("/zoo", 10);
        registry.gaugeSet("quota_count", () -> {
            Map<String, Integer> values = new HashMap<>();
            values.put("/b", 2);
            values.put("/a", null);
            values.put(null, 9);
            return values;
        });
        RecordingVisitor read = RecordingVisitor.readAll(registry);
        assertEquals(List.of("b_count", "quota_count[/a]", "quota_count[/b]", "read_per_namespace[/zoo]",
                "writes[/apps]", "writes[/zoo]"), List.copyOf(read.values.keySet()));
        assertEquals(0, read.values.get("quota_count[/a]"), "a null value in a gauge set reads 0, as in Apache");
        assertEquals(2L, read.values.get("writes[/apps]"));
        assertEquals(10, read.summary("read_per_namespace[/zoo]").max());
    }

    @Test
    void aSetWithoutMembersIsReadOnceAsEmptyWithItsKindUntilItsFirstKey() {
        registry.summarySet("ack_latency", Detail.ADVANCED);
        registry.counterSet("connection_drop_per_ip");
        registry.gaugeSet("quota_count_limit_per_namespace", Map::of);

        assertEquals(List.of("ack_latency[]", "connection_drop_per_ip[]", "quota_count_limit_per_namespace[]"),
                List.copyOf(RecordingVisitor.readAll(registry).values.keySet()));
        assertEquals(MetricVisitor.Kind.SUMMARY, RecordingVisitor.readAll(registry).values.get("ack_latency[]"));

        registry.summarySet("ack_latency", Detail.ADVANCED).record("2", 5);
        registry.counterSet("connection_drop_per_ip").increment("10.0.0.1");
        Map<String, Object> read = RecordingVisitor.readAll(registry).values;
        assertEquals(List.of("ack_latency[2]", "connection_drop_per_ip[10.0.0.1]",
                "quota_count_limit_per_namespace[]"), List.copyOf(read.keySet()));
    }

    @Test
    void resetZeroesCountersAndSummariesButNotGauges() {
        registry.counter("commit_count").add(5);
        registry.counterSet("writes").add("/zoo", 5);
        registry.summary("fsynctime", Detail.BASIC).record(12);
        registry.summarySet("ack_latency", Detail.ADVANCED).record("2", 7);
        registry.gauge("znode_count", () -> 42);
        registry.reset();
        RecordingVisitor read = RecordingVisitor.readAll(registry);
        assertEquals(0L, read.values.get("commit_count"));
        assertEquals(0L, read.values.get("writes[/zoo]"));
        assertEquals(0, read.summary("fsynctime").count());
        assertEquals(0, read.summary("fsynctime").max());
        assertTrue(read.summary("ack_latency[2]").quantiles().isEmpty());
        assertEquals(42, read.values.get("znode_count"));
        registry.summary("fsynctime", Detail.BASIC).record(3);
        assertEquals(3, RecordingVisitor.readAll(registry).summary("fsynctime").min(), "the minimum starts afresh");
    }

    @Test
    void aGaugeRegisteredAgainReplacesTheOldAndOnlyItsOwnRegistrationWithdrawsIt() {
        Registration old = registry.gauge("uptime", () -> 1);
        Registration current = registry.gauge("uptime", () -> 2);
        assertEquals(2, read().get("uptime"));
        old.close();
        assertEquals(2, read().get("uptime"), "closing a replaced gauge leaves its successor");
        current.close();
        current.close();
        assertFalse(read().containsKey("uptime"));
        registry.counter("uptime");
        assertEquals(0L, read().get("uptime"), "a withdrawn gauge's name is free again");
    }

    @Test
    void aGaugeThatFailsOrReadsNullIsLeftOutAndTheRestIsRead() {
        registry.gauge("broken", () -> {
            throw new IllegalStateException("database not loaded");
        });
        registry.gauge("absent", () -> null);
        AtomicLong sessions = new AtomicLong(3);
        registry.gauge("global_sessions", sessions::get);
        assertEquals(Map.of("global_sessions", 3L), read());
        sessions.set(4);
        assertEquals(Map.of("global_sessions", 4L), read(), "a gauge is read when the metrics are");
    }

    private Map<String, Object> read() {
        return RecordingVisitor.readAll(registry).values;
    }

    /** Apache's NullMetricsProvider: mntr shows no metric and updates are dropped until recording is back on. */
    @Test
    void withRecordingOffUpdatesAreDroppedAndNothingIsRead() {
        registry.counter("commit_count").add(2);
        registry.recordValues(false);
        registry.counter("commit_count").add(5);
        registry.summary("fsynctime", Detail.BASIC).record(7);
        registry.counterSet("stale_requests").add("a", 1);
        registry.summarySet("ack_latency", Detail.ADVANCED).record("1", 3);
        registry.gauge("znode_count", () -> 4);
        assertEquals(Map.of(), RecordingVisitor.readAll(registry).values);

        registry.recordValues(true);
        assertEquals(2L, registry.counter("commit_count").value(), "the add made while off was dropped");
        assertEquals(0L, ((ValueSummary) registry.summary("fsynctime", Detail.BASIC)).snapshot().count());
        registry.counter("commit_count").add(1);
        assertEquals(3L, registry.counter("commit_count").value());
    }
}
