package dev.menagerie.it.process.swap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.it.process.Clients;
import dev.menagerie.it.process.Distribution;
import dev.menagerie.it.process.MenagerieServer;
import dev.menagerie.testing.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The client transport of one standalone server swapped under continuous write and watch load ({@link SwapLoad}):
 * nio -> netty -> nio by zoo.cfg edits; the nio bundle in use stopped through Gogo (clients wait, the client port is
 * closed) and started again (they reconnect with their sessions); the bundle in use updated with Gogo's
 * {@code update}; and a newer nio jar (same classes, Bundle-Version 1.0.1) dropped into deploy/. FileInstall
 * installs the newer jar as a second bundle beside the running one, and nothing rebinds: Declarative Services keeps
 * the bound service while it stays (two services of type nio rank equal, and the older one wins the tie), so
 * clients do not notice. Uninstalling the old bundle then binds the new one, a hand-over like the others.
 * Then the example verifier ({@code dev.menagerie.example.quorum.unanimous}) dropped into deploy/ and selected by
 * a zoo.cfg edit: the configuration takes it and the server says it has no use for one, with nobody disturbed.
 * Server on {@code storage=memory}: the storage does not matter here and memory costs no fsyncs.
 */
class StandaloneSwapUnderLoadTest {

    /** Longer than the strategy watch's settle time (1.5 s) after a change. */
    private static final long WATCH_SETTLE_MS = 2_500;

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SWAP_TIMEOUT = Duration.ofSeconds(60);
    private static final String NIO_BUNDLE = "dev.menagerie.transport.nio";
    private static final String NEWER_VERSION = "1.0.1";

    @Test
    void everyTransportAndVerifierSwapOfAStandaloneServerKeepsSessionsWatchesAndAcknowledgedWrites() throws Exception {
        Path work = Distribution.newWorkDir("standalone-swap");
        Path deploy = Files.createDirectories(work.resolve("deploy"));
        try (MenagerieServer server = MenagerieServer.withShell("standalone", work, deploy,
                Map.of("storage", "memory"));
                SwapLoad load = new SwapLoad()) {
            server.start();
            Clients.closeQuietly(Clients.awaitServing(server, START_TIMEOUT));
            Path cfg = server.configFile();
            Path log = server.logFile();
            load.start(List.of(server.connectString()));

            load.measure("zoo.cfg edit nio -> netty", () -> Operator.setKey(cfg, "serverCnxnFactory", "netty"),
                    servedBy(log, "netty"));
            load.measure("zoo.cfg edit netty -> nio", () -> Operator.setKey(cfg, "serverCnxnFactory", "nio"),
                    servedBy(log, "nio"));

            String nio = Operator.bundleId(cfg, NIO_BUNDLE);
            // The scenario, not a wait for a condition: the admin bundle's strategy watch looks 1.5 s after a
            // change, and names the bundle that went away only if a look saw it bound. A stop within that window
            // is reported as "no installed bundle provides it" instead (a gap of the watch, in the closing note).
            Thread.sleep(WATCH_SETTLE_MS);
            load.measure("Gogo stop of the nio bundle in use, start once the log says it is unbound", () -> {
                long unbound = Operator.countLines(log, "serverCnxnFactory=nio is unbound");
                Operator.shell(cfg, "stop " + nio);
                Await.until("the log says nio is unbound", SWAP_TIMEOUT,
                        () -> Operator.countLines(log, "serverCnxnFactory=nio is unbound") > unbound ? true : null);
                Operator.shell(cfg, "start " + nio);
            }, servedBy(log, "nio"));
            load.measure("Gogo update of the nio bundle in use", () -> Operator.shell(cfg, "update " + nio),
                    servedBy(log, "nio"));

            long servedBefore = Operator.countLines(log, "Clients are served by the nio transport");
            SwapLoad.Row dropped = load.measure("nio " + NEWER_VERSION + " jar dropped into deploy/ (binds nothing)",
                    () -> Operator.deployWithBundleVersion(Operator.builtJar("menagerie.nio.jar"), NEWER_VERSION,
                            deploy),
                    () -> Operator.shell(cfg, "lb -s " + NIO_BUNDLE).lines().anyMatch(line -> line.contains("Active")
                            && line.contains(NIO_BUNDLE + " (" + NEWER_VERSION + ")")));
            assertEquals(servedBefore, Operator.countLines(log, "Clients are served by the nio transport"),
                    "the running nio bundle stays bound beside the newer one");
            assertEquals(0, dropped.reconnects(), "no client noticed the newer jar");
            List<String> both = Operator.bundleIds(cfg, NIO_BUNDLE);
            assertEquals(List.of(nio), both.subList(0, 1), "the old bundle is still installed first: " + both);
            assertEquals(2, both.size(), "lb lists the old and the newer nio bundle: " + both);

            load.measure("uninstall of the old nio bundle: nio " + NEWER_VERSION + " binds",
                    () -> Operator.shell(cfg, "uninstall " + nio), servedBy(log, "nio"));
            assertEquals(List.of(both.get(1)), Operator.bundleIds(cfg, NIO_BUNDLE), "only the newer bundle is left");
            assertTrue(Operator.shell(cfg, "menagerie:strategies").contains("selected nio, bound nio"),
                    "menagerie:strategies shows nio bound");

            exampleVerifierDeployedAndSelected(load, work, deploy, cfg, log);

            load.finish("Standalone swaps under load", server.connectString());
        }
    }

    /**
     * The example verifier ({@code dev.menagerie.example.quorum.unanimous}) dropped into deploy/ and selected by a
     * zoo.cfg edit: the configuration takes it, and nothing else happens, because a standalone server has no quorum.
     */
    private static void exampleVerifierDeployedAndSelected(SwapLoad load, Path work, Path deploy, Path cfg, Path log)
            throws IOException, InterruptedException {
        Path jar = Operator.builtJar("menagerie.unanimous.jar");
        SwapLoad.Row deployed = load.measure("example verifier jar dropped into deploy/", () -> {
            Path staged = Files.copy(jar, work.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            Files.move(staged, deploy.resolve(jar.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        }, () -> Operator.shell(cfg, "menagerie:strategies").contains("unanimous"));
        SwapLoad.Row selected = load.measure("zoo.cfg edit quorumVerifier=unanimous",
                () -> Operator.setKey(cfg, "quorumVerifier", "unanimous"),
                () -> Operator.countLines(log, "changed keys: [quorumVerifier]") > 0);
        String strategies = Operator.shell(cfg, "menagerie:strategies");
        assertTrue(strategies.contains("verifier (zoo.cfg quorumVerifier): selected unanimous, bound unanimous"),
                strategies);
        assertEquals(1, Operator.countLines(log, "Standalone mode needs no quorum verifier"),
                "the server says once that it has no use for a verifier");
        assertEquals(0, deployed.reconnects() + selected.reconnects(), "no client noticed");
    }

    /** Done when the log has one more "Clients are served by the {@code type} transport" line than now. */
    private static SwapLoad.Done servedBy(Path log, String type) {
        String line = "Clients are served by the " + type + " transport";
        long before = Operator.countLines(log, line);
        return () -> Operator.countLines(log, line) > before;
    }
}
