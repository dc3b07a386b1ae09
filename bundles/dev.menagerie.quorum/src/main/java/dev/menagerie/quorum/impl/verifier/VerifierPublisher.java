package dev.menagerie.quorum.impl.verifier;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.quorum.QuorumVerifier;
import dev.menagerie.api.quorum.QuorumVerifierFactory;
import dev.menagerie.quorum.impl.verifier.VerifierPlan.Hold;
import dev.menagerie.quorum.impl.verifier.VerifierPlan.Publish;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * Keeps the registered QuorumVerifier in line with the latest inputs. Bind, unbind and modified calls may come from
 * different threads at once: each replaces the inputs atomically, and one thread at a time applies the newest inputs,
 * without holding a lock while it calls the framework (registering a service calls listeners synchronously).
 * Callers never wait for each other; a caller that finds another thread applying leaves the work to that thread.
 */
final class VerifierPublisher {

    /** Registers a verifier service; the OSGi side is a BundleContext, tests use a fake. */
    interface Registrar {
        Registration register(QuorumVerifier verifier, Map<String, Object> properties);
    }

    interface Registration {
        void unregister();
    }

    /**
     * Hears about each new outcome once, for logging: a repeated outcome (standalone again) is not repeated, and
     * waiting ({@link Hold}) is not an outcome.
     */
    interface Listener {
        void planned(VerifierPlan plan);

        void registrationFailed(RuntimeException error);

        /**
         * A verifier built by another factory service than the previously registered one is registered: another
         * type, or the same type from a restarted or updated bundle. A new configuration revision is no swap.
         */
        void swapped(String fromType, String toType);
    }

    private final Registrar registrar;
    private final Listener listener;
    private final AtomicReference<VerifierInputs> latest = new AtomicReference<>(VerifierInputs.NONE);
    private final AtomicInteger pendingUpdates = new AtomicInteger();

    // Touched only by the applying thread; the pendingUpdates hand-over orders one applier after the previous one.
    private VerifierInputs applied;
    private VerifierPlan appliedPlan;
    private Registration current;
    private VerifierPlan lastAnnounced;
    /** The factory that built the last registered verifier; kept across withdrawals, so a comeback is a swap. */
    private BoundFactory lastPublisher;

    VerifierPublisher(Registrar registrar, Listener listener) {
        this.registrar = Objects.requireNonNull(registrar, "registrar");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    void configBound(ServerConfig config) {
        update(inputs -> inputs.withConfig(config));
    }

    void configUnbound(ServerConfig config) {
        update(inputs -> inputs.withoutConfig(config));
    }

    void factoryBound(QuorumVerifierFactory factory, String type) {
        update(inputs -> inputs.withFactory(new BoundFactory(factory, type)));
    }

    void factoryUnbound(QuorumVerifierFactory factory) {
        update(inputs -> inputs.withoutFactory(factory));
    }

    void targetsRevision(long revision) {
        update(inputs -> inputs.withTargetsRevision(revision));
    }

    /** Starts deciding, with what has been bound so far. */
    void activate(long targetsRevision) {
        update(inputs -> inputs.activated(targetsRevision));
    }

    /** Withdraws the verifier for good; later calls register nothing. */
    void close() {
        update(VerifierInputs::closed);
    }

    private void update(UnaryOperator<VerifierInputs> change) {
        latest.updateAndGet(change);
        if (pendingUpdates.getAndIncrement() == 0) {
            applyUntilIdle();
        }
    }

    private void applyUntilIdle() {
        int seen;
        do {
            seen = pendingUpdates.get();
            try {
                apply(latest.get());
            } catch (RuntimeException e) {
                listener.registrationFailed(e);
            }
        } while (pendingUpdates.addAndGet(-seen) != 0);
    }

    private void apply(VerifierInputs inputs) {
        if (inputs.equals(applied) || (appliedPlan instanceof Publish && inputs.sameSourceAs(applied))) {
            return; // nothing that the registered verifier was built from has changed
        }
        applied = inputs;
        VerifierPlan plan = VerifierPlanner.plan(inputs);
        appliedPlan = plan;
        if (plan instanceof Publish publish) {
            replace(registrar.register(publish.verifier(), properties(publish)));
            noteSwap(inputs.factory());
        } else if (!(plan instanceof Hold)) {
            replace(null);
        }
        announce(plan);
    }

    private void noteSwap(BoundFactory publisher) {
        BoundFactory previous = lastPublisher;
        lastPublisher = publisher;
        if (previous != null && previous.factory() != publisher.factory()) {
            listener.swapped(previous.type(), publisher.type());
        }
    }

    /** Registers before it unregisters, so a consumer of the verifier never sees a gap during a rebuild. */
    private void replace(Registration next) {
        Registration previous = current;
        current = next;
        if (previous != null) {
            previous.unregister();
        }
    }

    private void announce(VerifierPlan plan) {
        if (!(plan instanceof Hold) && !plan.equals(lastAnnounced)) {
            lastAnnounced = plan;
            listener.planned(plan);
        }
    }

    private static Map<String, Object> properties(Publish publish) {
        return Map.of(QuorumVerifierFactory.TYPE, publish.type(), ServerConfig.REVISION, publish.revision());
    }
}
