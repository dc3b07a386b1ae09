package dev.menagerie.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.quorum.QuorumVerifier;
import java.util.Set;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;

/** An operator edits zoo.cfg of a running server: valid edits reach the consumers, invalid ones change nothing. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConfigChangeReachesConsumerTest extends MenagerieTestSupport {

    @Before
    public void startFromTheBaselineConfig() {
        restoreBaselineConfig();
    }

    /**
     * Group lines make the hierarchical verifier the default: a verifier change, which an ensemble makes through
     * reconfiguration, so the config bundle refuses the live edit and majority stays.
     */
    @Test
    public void addingGroupLinesIsRefusedBecauseItWouldChangeTheVerifier() {
        ServiceReference<QuorumVerifier> majority = awaitVerifier(ServerConfig.DEFAULT_VERIFIER);
        long revisionBefore = revision(currentServerConfig());

        zooCfg().set("group.1", "1:2:3");

        Await.nothingWithin("a ServerConfig newer than revision " + revisionBefore + " was published", QUIET_WINDOW,
                () -> Await.references(context, ServerConfig.class, revisionAbove(revisionBefore)).length > 0);
        assertNotNull("the majority verifier stays registered", majority.getBundle());
        assertEquals(ServerConfig.DEFAULT_VERIFIER, context.getService(currentServerConfig()).verifierType());
        assertTrue("majority of three: two ids", context.getService(majority).containsQuorum(Set.of(1L, 3L)));
    }

    @Test
    public void editingMaxClientCnxnsPublishesANewRevisionWithTheNewValue() {
        ServiceReference<ServerConfig> before = currentServerConfig();
        int newLimit = QuorumFixture.BASELINE_MAX_CLIENT_CNXNS + 17;

        zooCfg().set("maxClientCnxns", Integer.toString(newLimit));

        ServiceReference<ServerConfig> after = awaitServerConfigAfter(revision(before));
        ServerConfig config = context.getService(after);
        assertEquals(newLimit, config.maxClientCnxns());
        assertEquals(revision(after), config.revision());
        assertEquals(Integer.toString(newLimit), config.properties().get("maxClientCnxns"));
    }

    @Test
    public void anInvalidEditKeepsTheLastGoodConfig() {
        ServiceReference<ServerConfig> lastGood = currentServerConfig();
        long lastGoodRevision = revision(lastGood);

        zooCfg().set("maxClientCnxns", "many");

        Await.nothingWithin("a ServerConfig newer than revision " + lastGoodRevision + " was published",
                QUIET_WINDOW, () -> Await.references(context, ServerConfig.class,
                        revisionAbove(lastGoodRevision)).length > 0);
        assertNotNull("the last good ServerConfig is still registered", lastGood.getBundle());
        assertEquals(lastGoodRevision, revision(newestServerConfigOrNull()));
        assertEquals(QuorumFixture.BASELINE_MAX_CLIENT_CNXNS, context.getService(lastGood).maxClientCnxns());

        // The poller is still alive: correcting the file is picked up.
        zooCfg().set("maxClientCnxns", Integer.toString(QuorumFixture.BASELINE_MAX_CLIENT_CNXNS + 1));
        ServiceReference<ServerConfig> corrected = awaitServerConfigAfter(lastGoodRevision);
        assertEquals(QuorumFixture.BASELINE_MAX_CLIENT_CNXNS + 1, context.getService(corrected).maxClientCnxns());
    }
}
