package dev.menagerie.it.process.swap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.it.process.Clients;
import dev.menagerie.it.process.Distribution;
import dev.menagerie.it.process.LedgerCheck;
import dev.menagerie.it.process.MenagerieServer;
import dev.menagerie.testing.Await;
import dev.menagerie.testing.FreePorts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

/**
 * The storage engine of a standalone server, swapped the ways that are allowed. Under continuous write and watch
 * load ({@link SwapLoad}) on {@code storage=file}: Gogo's {@code update} of the file engine's bundle, which
 * restarts the server component on the updated engine (it reloads the database from disk, so every acknowledged
 * write is still there, and the sessions, logged like every write, come back with it); and a live zoo.cfg edit to
 * {@code storage=memory}, which is refused with one ERROR line while the server serves on. Then at restarts, with
 * the same data folder: file -> memory starts empty (with the WARN line that says it is not durable, and the live
 * edit back to file is refused too), and memory -> file loads what is on disk: every write acknowledged on file,
 * nothing of what was written on memory.
 */
class StorageSwapUnderLoadTest {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final String FILE_BUNDLE = "dev.menagerie.storage.file";
    private static final String REFUSED_TO_MEMORY = "storage=memory: a running server keeps its storage engine (file)";
    private static final String REFUSED_TO_FILE = "storage=file: a running server keeps its storage engine (memory)";
    private static final String NOT_DURABLE = "storage=memory: the transaction log, snapshots and epochs are kept in"
            + " memory only and are not durable";
    private static final int MEMORY_NODES = 20;

    @Test
    void theFileEngineUpdatesUnderLoadAndChangesToMemoryAndBackOnlyAtRestarts() throws Exception {
        Path work = Distribution.newWorkDir("storage-swap");
        Path dataDir = work.resolve("data");
        int clientPort = FreePorts.next();
        SwapLoad load = new SwapLoad();
        try (MenagerieServer onFile = server("on-file", work, dataDir, clientPort, "file")) {
            onFile.start();
            Clients.closeQuietly(Clients.awaitServing(onFile, START_TIMEOUT));
            Path cfg = onFile.configFile();
            Path log = onFile.logFile();
            try (load) {
                load.start(List.of(onFile.connectString()));
                String engine = Operator.bundleId(cfg, FILE_BUNDLE);
                load.measure("Gogo update of the file storage bundle in use", () -> Operator.shell(cfg,
                        "update " + engine), () -> Operator.countLines(log, "Clients are served by the nio transport")
                                > 1);
                long refusals = Operator.countLines(log, REFUSED_TO_MEMORY);
                SwapLoad.Row refused = load.measure("live zoo.cfg edit file -> memory (refused)",
                        () -> Operator.setKey(cfg, "storage", "memory"),
                        () -> Operator.countLines(log, REFUSED_TO_MEMORY) > refusals);
                assertEquals(0, refused.reconnects(), "nobody noticed the refused edit");
                assertTrue(Operator.shell(cfg, "menagerie:strategies").contains("selected file, bound file"),
                        "file stays selected and bound");
                load.finish("Storage swaps under load (standalone, storage=file)", onFile.connectString());
            }
        }

        long memoryStartNs = System.nanoTime();
        try (MenagerieServer onMemory = server("on-memory", work, dataDir, clientPort, "memory")) {
            onMemory.start();
            ZooKeeper client = Clients.awaitServing(onMemory, START_TIMEOUT);
            Duration memoryStart = Duration.ofNanos(System.nanoTime() - memoryStartNs);
            try {
                assertNull(client.exists(SwapLoad.PARENT, false), "file -> memory at a restart starts empty");
                for (int i = 0; i < MEMORY_NODES; i++) {
                    client.create("/on-memory-" + i, ("m" + i).getBytes(StandardCharsets.UTF_8), Ids.OPEN_ACL_UNSAFE,
                            CreateMode.PERSISTENT);
                }
            } finally {
                Clients.closeQuietly(client);
            }
            assertEquals(1, Operator.countLines(onMemory.logFile(), NOT_DURABLE), "one WARN: not durable");
            Operator.setKey(onMemory.configFile(), "storage", "file");
            Await.until("the live edit memory -> file is refused", START_TIMEOUT,
                    () -> Operator.countLines(onMemory.logFile(), REFUSED_TO_FILE) == 1 ? true : null);
            System.out.println("file -> memory at a restart: serving " + memoryStart.toMillis() + " ms after the"
                    + " start, empty");
        }

        long fileStartNs = System.nanoTime();
        try (MenagerieServer fileAgain = server("on-file-again", work, dataDir, clientPort, "file")) {
            fileAgain.start();
            ZooKeeper client = Clients.awaitServing(fileAgain, START_TIMEOUT);
            Duration fileStart = Duration.ofNanos(System.nanoTime() - fileStartNs);
            try {
                assertEquals(List.of(), LedgerCheck.problems(client, load.ledger()),
                        "memory -> file at a restart loads every write acknowledged on file");
                assertNull(client.exists("/on-memory-0", false), "what was written on memory is gone");
            } finally {
                Clients.closeQuietly(client);
            }
            System.out.println("memory -> file at a restart: serving " + fileStart.toMillis() + " ms after the start"
                    + " with " + load.ledger().creates().size() + " acknowledged creates loaded from disk");
        }
    }

    /** A standalone server on {@code dataDir} and {@code clientPort} (the same across restarts) with the engine. */
    private static MenagerieServer server(String name, Path work, Path dataDir, int clientPort, String storage)
            throws IOException {
        Files.createDirectories(dataDir);
        return new MenagerieServer(name, work, dataDir, clientPort, Map.of("storage", storage),
                MenagerieServer.Launch.SCRIPT, Distribution.testJvmFlags("-Xmx512m"));
    }
}
