package dev.menagerie.quorum.impl.verifier;

import java.util.ArrayList;
import java.util.List;

/** Collects what the publisher would log. */
final class RecordingListener implements VerifierPublisher.Listener {

    private final List<VerifierPlan> plans = new ArrayList<>();
    private final List<RuntimeException> failures = new ArrayList<>();
    private final List<String> swaps = new ArrayList<>();

    @Override
    public synchronized void planned(VerifierPlan plan) {
        plans.add(plan);
    }

    @Override
    public synchronized void registrationFailed(RuntimeException error) {
        failures.add(error);
    }

    @Override
    public synchronized void swapped(String fromType, String toType) {
        swaps.add(fromType + " -> " + toType);
    }

    /** Each swap as {@code <from type> -> <to type>}. */
    synchronized List<String> swaps() {
        return List.copyOf(swaps);
    }

    synchronized List<VerifierPlan> plans() {
        return List.copyOf(plans);
    }

    synchronized long count(Class<? extends VerifierPlan> kind) {
        return plans.stream().filter(kind::isInstance).count();
    }

    synchronized List<RuntimeException> failures() {
        return List.copyOf(failures);
    }
}
