package dev.menagerie.admin.impl.strategy;

import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.metrics.Registration;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/**
 * The metric naming the strategy bound in each role: gauge set {@code strategy_bound}, one member per bound
 * strategy keyed {@code <role>.<type>} (for example {@code cnxnFactory.netty}) with value 1. {@code mntr} prints
 * {@code zk_cnxnFactory.netty_strategy_bound 1}, Prometheus {@code strategy_bound{key="cnxnFactory.netty"} 1}; a
 * swap shows as the old key going and the new one coming, and {@code strategy_swaps} counts it. Read from the
 * Service Component Runtime when the metrics are read, so it is never stale.
 */
@Component(immediate = true)
public final class StrategyGauges {

    static final String NAME = "strategy_bound";

    private final Registration registration;

    @Activate
    public StrategyGauges(BundleContext context,
            @Reference(name = "componentRuntime") ServiceComponentRuntime componentRuntime,
            @Reference(name = "metrics") MetricsRegistry metrics) {
        this(new FrameworkStrategyInventory(context, componentRuntime), metrics);
    }

    StrategyGauges(StrategyInventory inventory, MetricsRegistry metrics) {
        registration = metrics.gaugeSet(NAME, () -> bound(inventory));
    }

    /** One entry per bound strategy, {@code <role>.<type>} to 1. */
    static Map<String, Integer> bound(StrategyInventory inventory) {
        Map<String, Integer> bound = new TreeMap<>();
        for (StrategyRole role : StrategyRole.values()) {
            for (String type : inventory.bound(role)) {
                bound.put(role.reference() + "." + type, 1);
            }
        }
        return bound;
    }

    @Deactivate
    void deactivate() {
        registration.close();
    }
}
