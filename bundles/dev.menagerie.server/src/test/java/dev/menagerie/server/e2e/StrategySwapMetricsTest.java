package dev.menagerie.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** An operator who swaps the client transport while the server runs sees the swap counted in {@code mntr}. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StrategySwapMetricsTest {

    @TempDir
    Path dir;

    @Test
    void eachTransportHandOverIsCountedUnderItsRole() throws Exception {
        try (InJvmMenagerie server = new InJvmMenagerie(dir, "nio")) {
            assertFalse(ClientPortFourLetterWordsTest.send(server.port(), "mntr").contains("strategy_swaps"),
                    "the transport bound at start-up is no swap");

            server.switchTransport("netty");
            assertTrue(ClientPortFourLetterWordsTest.send(server.port(), "mntr")
                    .contains("zk_transport_strategy_swaps\t1\n"), "one swap, to netty");
            server.switchTransport("nio");
            String mntr = ClientPortFourLetterWordsTest.send(server.port(), "mntr");
            assertTrue(mntr.contains("zk_transport_strategy_swaps\t2\n"), "and back to nio:\n" + mntr);

            ZooKeeper zk = JavaClientSmokeTest.connect(server.connectString(), new LinkedBlockingQueue<>());
            try {
                assertEquals(0, zk.exists("/", false).getVersion(), "clients are served after the swaps");
            } finally {
                zk.close();
            }
        }
    }
}
