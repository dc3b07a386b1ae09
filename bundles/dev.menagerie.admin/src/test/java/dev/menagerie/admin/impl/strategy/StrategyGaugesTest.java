package dev.menagerie.admin.impl.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.menagerie.api.metrics.MetricVisitor;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.metrics.SummarySnapshot;
import dev.menagerie.testing.Components;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StrategyGaugesTest {

    private final MetricsRegistry metrics = Components.create(MetricsRegistry.class).service();
    private final FakeStrategyInventory inventory = FakeStrategyInventory.distribution();

    @Test
    void eachBoundStrategyIsOneMemberAndASwapMovesIt() {
        StrategyGauges gauges = new StrategyGauges(inventory, metrics);
        assertEquals(Map.of("cnxnFactory.nio", 1, "election.fast", 1, "storage.file", 1, "verifier.majority", 1),
                read());

        inventory.bound.put(StrategyRole.CNXN_FACTORY, List.of("netty"));
        inventory.bound.put(StrategyRole.ELECTION, List.of());
        assertEquals(Map.of("cnxnFactory.netty", 1, "storage.file", 1, "verifier.majority", 1), read(),
                "the swap shows at the next read; a role with nothing bound has no member");

        gauges.deactivate();
        assertEquals(Map.of(), read(), "stopping the admin bundle withdraws the metric");
    }

    private Map<String, Number> read() {
        Map<String, Number> members = new TreeMap<>();
        metrics.read(new MetricVisitor() {
            @Override
            public void counter(String name, String key, long value) {
            }

            @Override
            public void gauge(String name, String key, Number value) {
                if (name.equals(StrategyGauges.NAME)) {
                    members.put(key, value);
                }
            }

            @Override
            public void summary(String name, String key, SummarySnapshot snapshot) {
            }
        });
        return members;
    }
}
