package dev.menagerie.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.quorum.QuorumVerifier;
import dev.menagerie.api.quorum.QuorumVerifierFactory;
import java.util.Set;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceReference;

/**
 * An operator stops, starts and installs strategy bundles in a running server: the quorum verifier follows, and
 * nothing else restarts.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StrategyHotSwapTest extends MenagerieTestSupport {

    private static final String UNANIMOUS = "unanimous";
    /** The verifier's key in the {@code strategy_swaps} counter set. */
    private static final String VERIFIER_ROLE = "verifier";

    @Before
    public void startFromTheBaselineConfig() {
        restoreBaselineConfig();
    }

    @Test
    public void stoppingTheMajorityBundleWithdrawsTheVerifierAndStartingItBringsItBack() throws BundleException {
        ServiceReference<ServerConfig> configBefore = currentServerConfig();
        ServerConfig configObjectBefore = context.getService(configBefore);
        awaitVerifier(ServerConfig.DEFAULT_VERIFIER);
        Bundle majority = bundle(MenagerieOptions.MAJORITY_BUNDLE);
        long swapsBefore = StrategySwapCounts.inRegistry(context, VERIFIER_ROLE);

        majority.stop();
        try {
            Await.noService(context, QuorumVerifier.class, null, TIMEOUT);
            assertConfigUntouched(configBefore, configObjectBefore);
        } finally {
            majority.start();
        }

        ServiceReference<QuorumVerifier> back = awaitVerifier(ServerConfig.DEFAULT_VERIFIER);
        assertTrue("majority of three: two ids", context.getService(back).containsQuorum(Set.of(1L, 2L)));
        assertConfigUntouched(configBefore, configObjectBefore);
        awaitVerifierSwaps(swapsBefore + 1);
    }

    /**
     * The test's zoo.cfg is member 1 of a three-server ensemble, whose members must agree on the verifier: the config
     * bundle refuses a live edit of its type (reconfiguration changes it), so the installed plugin stays unused.
     */
    @Test
    public void anInstalledPluginIsNotSelectedByALiveEditInAnEnsemble() throws BundleException {
        Bundle plugin = context.installBundle(context.getProperty(MenagerieOptions.UNANIMOUS_BUNDLE_LOCATION_PROPERTY));
        try {
            plugin.start();
            Await.service(context, QuorumVerifierFactory.class, "(type=" + UNANIMOUS + ")", TIMEOUT);
            ServiceReference<QuorumVerifier> majority = awaitVerifier(ServerConfig.DEFAULT_VERIFIER);
            long revisionBefore = revision(currentServerConfig());

            zooCfg().set("quorumVerifier", UNANIMOUS);

            Await.nothingWithin("a ServerConfig newer than revision " + revisionBefore + " was published",
                    QUIET_WINDOW, () -> Await.references(context, ServerConfig.class,
                            revisionAbove(revisionBefore)).length > 0);
            assertEquals(0, Await.references(context, QuorumVerifier.class, "(type=" + UNANIMOUS + ")").length);
            assertNotNull("the majority verifier stays registered", majority.getBundle());
        } finally {
            plugin.uninstall();
        }
    }

    /** The count follows the registration of the new verifier on the thread that registered it. */
    private void awaitVerifierSwaps(long expected) {
        Await.untilTrue(() -> "zk_verifier_strategy_swaps " + expected + ", is "
                + StrategySwapCounts.inRegistry(context, VERIFIER_ROLE), TIMEOUT,
                () -> StrategySwapCounts.inRegistry(context, VERIFIER_ROLE) == expected);
    }

    /** The same service registration and the same object: the config bundle did not restart or republish. */
    private void assertConfigUntouched(ServiceReference<ServerConfig> before, ServerConfig objectBefore) {
        ServiceReference<ServerConfig> now = currentServerConfig();
        assertNotNull("ServerConfig still registered", before.getBundle());
        assertEquals(before, now);
        assertSame(objectBefore, context.getService(now));
        context.ungetService(now);
    }
}
