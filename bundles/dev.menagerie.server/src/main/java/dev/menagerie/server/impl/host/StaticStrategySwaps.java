package dev.menagerie.server.impl.host;

import dev.menagerie.api.config.StrategyTargets;
import dev.menagerie.api.election.ElectionFactory;
import dev.menagerie.api.metrics.CounterSet;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.storage.StorageFactory;
import java.util.Map;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Counts swaps of the storage engine and of the election algorithm in {@link TransportSlot#SWAPS}, under
 * {@value #STORAGE} and {@value #ELECTION}. Their consumers take them as static references (the server component
 * for the storage, the quorum peer factory for the election), so a new engine restarts the consumer, which then
 * cannot tell a swap from its first start. This component binds the same two targets from the same strategy record
 * dynamically and reluctantly, exactly when the restarted consumers get the new service, and outlives them: every
 * service bound after the first of its role is a swap, including the same type from an updated bundle.
 */
@Component(immediate = true, configurationPid = StrategyTargets.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class StaticStrategySwaps {

    static final String STORAGE = "storage";
    static final String ELECTION = "election";

    private final CounterSet swaps;
    /** The service ids last bound (not the services: a gone bundle's objects must not be kept). */
    private Object storageId;
    private Object electionId;

    @Activate
    public StaticStrategySwaps(@Reference(name = "metrics") MetricsRegistry metrics) {
        swaps = metrics.counterSet(TransportSlot.SWAPS);
    }

    @Modified
    void targetsChanged() {
        // A new target rebinds the references below; the component itself stays, and with it what was bound.
    }

    @Reference(name = StrategyTargets.STORAGE, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC)
    synchronized void bindStorage(StorageFactory bound, Map<String, Object> properties) {
        storageId = counted(STORAGE, storageId, properties.get(Constants.SERVICE_ID));
    }

    void unbindStorage(StorageFactory gone) {
        // What was bound is kept: the next engine is a swap even after a gap.
    }

    @Reference(name = StrategyTargets.ELECTION, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC)
    synchronized void bindElection(ElectionFactory bound, Map<String, Object> properties) {
        electionId = counted(ELECTION, electionId, properties.get(Constants.SERVICE_ID));
    }

    void unbindElection(ElectionFactory gone) {
        // As for the storage.
    }

    private Object counted(String role, Object previous, Object bound) {
        if (previous != null && !previous.equals(bound)) {
            swaps.increment(role);
        }
        return bound;
    }
}
