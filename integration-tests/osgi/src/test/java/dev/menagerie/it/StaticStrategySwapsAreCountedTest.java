package dev.menagerie.it;

import static org.junit.Assert.assertEquals;

import dev.menagerie.api.election.ElectionFactory;
import dev.menagerie.api.replication.QuorumPeerFactory;
import dev.menagerie.api.storage.StorageFactory;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;

/**
 * An operator restarts (or updates) the storage bundle or the election bundle of a running server: the server
 * component, or the quorum peer factory, restarts with the new engine, and the admin {@code monitor} command counts
 * the swap under {@code storage_strategy_swaps} or {@code election_strategy_swaps}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StaticStrategySwapsAreCountedTest extends StandaloneTestSupport {

    private static final String STORAGE_BUNDLE = "dev.menagerie.storage.file";
    private static final String ELECTION_BUNDLE = "dev.menagerie.election.fle";

    private StrategySwapCounts swaps;

    @Before
    public void servedByNio() {
        restoreStandaloneBaseline();
        awaitServedBy(NIO);
        swaps = new StrategySwapCounts(zooCfg().get("admin.serverPort").orElseThrow());
    }

    @Test
    public void aRestartedStorageBundleIsOneStorageSwap() throws Exception {
        long before = swaps.of("storage");

        restart(STORAGE_BUNDLE, StorageFactory.class, "(type=file)");

        awaitServedBy(NIO);
        swaps.await("storage", before + 1);
        assertEquals("the transport stayed", 0, swaps.of("transport"));
    }

    @Test
    public void aRestartedElectionBundleIsAnElectionSwapAndANewQuorumPeerFactory() throws Exception {
        long elections = swaps.of("election");
        long peers = swaps.of("quorum_peer");

        restart(ELECTION_BUNDLE, ElectionFactory.class, "(type=fast)");
        Await.service(context, QuorumPeerFactory.class, null, TIMEOUT);

        swaps.await("election", elections + 1);
        swaps.await("quorum_peer", peers + 1);
    }

    /** Stops and starts the bundle providing the {@code service} of {@code typeFilter} (other types stay). */
    private void restart(String symbolicName, Class<?> service, String typeFilter) throws BundleException {
        Bundle bundle = bundle(symbolicName);
        bundle.stop();
        try {
            Await.noService(context, service, typeFilter, TIMEOUT);
        } finally {
            bundle.start();
        }
        Await.service(context, service, typeFilter, TIMEOUT);
    }
}
