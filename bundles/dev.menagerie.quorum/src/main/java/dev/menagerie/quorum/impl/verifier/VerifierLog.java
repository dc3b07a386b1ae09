package dev.menagerie.quorum.impl.verifier;

import dev.menagerie.api.metrics.CounterSet;
import dev.menagerie.quorum.impl.verifier.VerifierPlan.Broken;
import dev.menagerie.quorum.impl.verifier.VerifierPlan.Missing;
import dev.menagerie.quorum.impl.verifier.VerifierPlan.Publish;
import dev.menagerie.quorum.impl.verifier.VerifierPlan.Rejected;
import dev.menagerie.quorum.impl.verifier.VerifierPlan.Standalone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the operator what the active verifier is; a rejected ensemble is one line, a plugin bug gets its stack. A
 * swap is also counted in the registry's {@code strategy_swaps} set under {@value #ROLE}, which mntr prints as
 * {@code zk_verifier_strategy_swaps}.
 */
final class VerifierLog implements VerifierPublisher.Listener {

    /** The verifier's key in the {@code strategy_swaps} counter set. */
    static final String ROLE = "verifier";
    private static final Logger LOG = LoggerFactory.getLogger(ActiveQuorumVerifier.class);

    private final CounterSet swaps;

    VerifierLog(CounterSet swaps) {
        this.swaps = swaps;
    }

    @Override
    public void planned(VerifierPlan plan) {
        if (plan instanceof Publish p) {
            LOG.info("Quorum verifier '{}' is active for configuration revision {}: {}", p.type(), p.revision(),
                    p.verifier());
        } else if (plan instanceof Standalone) {
            LOG.info("Standalone mode needs no quorum verifier");
        } else if (plan instanceof Missing m) {
            LOG.warn("No quorum verifier of type '{}' is available; none is active until a bundle provides one"
                    + " (quorumVerifier in zoo.cfg names the type)", m.type());
        } else if (plan instanceof Rejected r) {
            LOG.error("Quorum verifier '{}' rejected the ensemble of configuration revision {}: {}", r.type(),
                    r.revision(), r.reason());
        } else if (plan instanceof Broken b) {
            LOG.error("Quorum verifier '{}' failed on the ensemble of configuration revision {}", b.type(),
                    b.revision(), b.error());
        }
    }

    @Override
    public void swapped(String fromType, String toType) {
        swaps.increment(ROLE);
        LOG.info("Quorum verifier swapped: '{}' is now built by another factory than the previous '{}'", toType,
                fromType);
    }

    @Override
    public void registrationFailed(RuntimeException error) {
        LOG.error("Could not change the registered quorum verifier", error);
    }
}
