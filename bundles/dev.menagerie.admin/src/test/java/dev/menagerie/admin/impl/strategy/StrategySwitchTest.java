package dev.menagerie.admin.impl.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.admin.StrategyRoleState;
import dev.menagerie.api.admin.StrategySwitchResult;
import dev.menagerie.api.admin.StrategySwitchResult.Outcome;
import dev.menagerie.api.config.ConfigReader;
import dev.menagerie.api.config.InvalidConfigException;
import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.testing.FakeServerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The strategy switching service behind {@code menagerie:switch} and the web console, against a fake config bundle. */
class StrategySwitchTest {

    private static final String ZOO_CFG = String.join("\n",
            "# the operator's comment stays",
            "tickTime=2000",
            "serverCnxnFactory = org.apache.zookeeper.server.NIOServerCnxnFactory",
            "clientPort=2181",
            "");

    @TempDir
    Path folder;

    private Path zooCfg;
    private final FakeStrategyInventory inventory = FakeStrategyInventory.distribution();
    private final ConfigBundle configBundle = new ConfigBundle();
    private ConfigReader reader = configBundle::read;

    @BeforeEach
    void writeZooCfg() throws IOException {
        zooCfg = folder.resolve("zoo.cfg");
        Files.writeString(zooCfg, ZOO_CFG);
        configBundle.current.configFile = zooCfg;
    }

    @Test
    void switchRewritesTheKeyAndWaitsUntilTheNewTypeIsBound() throws Exception {
        String answer = switchTo("cnxnFactory", "netty", Outcome.SWITCHED);

        assertEquals(List.of("cnxnFactory: nio -> netty (serverCnxnFactory=netty written to zoo.cfg)",
                "bound netty under zoo.cfg revision 2 after"), firstWords(answer));
        assertEquals(List.of("# the operator's comment stays", "tickTime=2000", "serverCnxnFactory=netty",
                "clientPort=2181"), Files.readAllLines(zooCfg));
        assertEquals(List.of(zooCfg), listFolder(), "no copy of zoo.cfg is left behind");
    }

    @Test
    void theZooCfgKeyNamesTheRoleToo() throws Exception {
        assertTrue(switchTo("serverCnxnFactory", "netty", Outcome.SWITCHED).startsWith("cnxnFactory: nio -> netty"));
    }

    @Test
    void aTypeNoBundleProvidesIsRefusedAndNothingChanges() throws Exception {
        String answer = switchTo("cnxnFactory", "epoll", Outcome.REFUSED);

        assertEquals("Refused: no installed bundle provides cnxnFactory type=epoll (installed: netty, nio);"
                + " cnxnFactory stays nio", answer);
        assertEquals(ZOO_CFG, Files.readString(zooCfg));
        assertEquals(List.of("nio"), inventory.bound(StrategyRole.CNXN_FACTORY));
    }

    @Test
    void anUnknownRoleIsRefusedWithTheRoleNames() throws Exception {
        assertEquals("Refused: no strategy role \"transport\"; the roles are cnxnFactory (serverCnxnFactory),"
                + " storage, election (electionType), verifier (quorumVerifier)",
                switchTo("transport", "netty", Outcome.REFUSED));
    }

    @Test
    void theSelectedTypeLeavesZooCfgAlone() throws Exception {
        assertEquals("cnxnFactory is already nio; zoo.cfg is unchanged",
                switchTo("cnxnFactory", "nio", Outcome.UNCHANGED));
        assertEquals(ZOO_CFG, Files.readString(zooCfg));
    }

    @Test
    void anEnsemblesVerifierChangesOnlyThroughReconfiguration() throws Exception {
        configBundle.current.standalone = false;

        String answer = switchTo("verifier", "hierarchical", Outcome.REFUSED);

        assertTrue(answer.startsWith("Refused: an ensemble changes its quorum verifier through reconfiguration"),
                answer);
        assertTrue(answer.endsWith("; verifier stays majority"), answer);
        assertEquals(ZOO_CFG, Files.readString(zooCfg));
    }

    @Test
    void anEditTheParserRefusesLeavesZooCfgAsItWas() throws Exception {
        configBundle.refusal = "serverCnxnFactory: TLS needs serverCnxnFactory=netty";
        String answer = switchTo("cnxnFactory", "netty", Outcome.REFUSED);

        assertEquals("Refused: zoo.cfg with serverCnxnFactory=netty would be invalid: " + zooCfg
                + ":3: serverCnxnFactory: TLS needs serverCnxnFactory=netty; cnxnFactory stays nio", answer);
        assertEquals(ZOO_CFG, Files.readString(zooCfg));
        assertEquals(List.of(zooCfg), listFolder());
    }

    @Test
    void aStrategyThatIsNeverBoundIsReportedAfterTheTimeout() throws Exception {
        configBundle.bindsNewType = false;

        String answer = switchTo("cnxnFactory", "netty", Outcome.NOT_BOUND);

        assertEquals(List.of("cnxnFactory: nio -> netty (serverCnxnFactory=netty written to zoo.cfg)",
                "but after 300 ms cnxnFactory is bound to nio; the server log says why"), answer.lines().toList());
    }

    private StrategySwitchResult switchTo(String role, String type, long timeoutMs) throws InterruptedException {
        return new StrategySwitch(inventory, configBundle, () -> reader, 10).switchStrategy(role, type, timeoutMs);
    }

    /** The message of a switch that ended with {@code expected}. */
    private String switchTo(String role, String type, Outcome expected) throws InterruptedException {
        StrategySwitchResult result = switchTo(role, type, expected == Outcome.NOT_BOUND ? 300 : 5_000);
        assertEquals(expected, result.outcome(), result.message());
        return result.message();
    }

    @Test
    void withoutTheConfigBundlesParserNothingIsWritten() throws Exception {
        reader = null;

        assertEquals("Refused: the config bundle is not running, so zoo.cfg cannot be checked; cnxnFactory stays nio",
                switchTo("cnxnFactory", "netty", Outcome.REFUSED));
        assertEquals(ZOO_CFG, Files.readString(zooCfg));
    }

    @Test
    void theStorageEngineChangesOnlyAtARestart() throws Exception {
        inventory.install(StrategyRole.STORAGE, "memory", "dev.menagerie.storage.memory 1.0.0");

        String answer = switchTo("storage", "memory", Outcome.REFUSED);

        assertEquals("Refused: a running server keeps its storage engine, because switching engines does not carry"
                + " the data over and would lose acknowledged writes; stop the server, set storage in zoo.cfg and"
                + " start it; storage stays file", answer);
        assertEquals(ZOO_CFG, Files.readString(zooCfg));
    }

    @Test
    void rolesListTheSelectedInstalledAndBoundTypesAndWhyAnEnsembleVerifierCannotSwitch() {
        configBundle.current.standalone = false;
        StrategySwitch switcher = new StrategySwitch(inventory, configBundle, () -> reader, 10);

        List<StrategyRoleState> roles = switcher.roles();

        StrategyRoleState transport = roles.get(0);
        assertEquals(new StrategyRoleState("cnxnFactory", "serverCnxnFactory", "nio",
                List.of(new StrategyRoleState.Implementation("netty", "dev.menagerie.transport.netty 1.0.0"),
                        new StrategyRoleState.Implementation("nio", "dev.menagerie.transport.nio 1.0.0")),
                List.of("nio"), null), transport);
        StrategyRoleState verifier = roles.get(3);
        assertEquals("verifier", verifier.role());
        assertTrue(verifier.switchRefusal().contains("reconfiguration"), verifier.switchRefusal());
    }

    private static List<String> firstWords(String answer) {
        return answer.lines().map(line -> line.replaceAll(" [0-9]+ ms$", "")).toList();
    }

    private List<Path> listFolder() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    /**
     * Stands in for the config bundle: its reader checks the copy, and the configuration it publishes follows the
     * file, with the new type bound, as the watcher and Declarative Services would make it.
     */
    private final class ConfigBundle implements Supplier<ServerConfig> {
        final FakeServerConfig current = new FakeServerConfig();
        String refusal;
        boolean bindsNewType = true;

        ServerConfig read(Path file, java.util.Map<String, String> systemProperties) throws InvalidConfigException {
            if (refusal != null) {
                throw new InvalidConfigException(file + ":3: " + refusal);
            }
            return current;
        }

        @Override
        public ServerConfig get() {
            try {
                String text = Files.readString(current.configFile, StandardCharsets.UTF_8);
                if (text.contains("serverCnxnFactory=netty") && current.cnxnFactoryType.equals("nio")) {
                    current.cnxnFactoryType = "netty";
                    current.revision++;
                    if (bindsNewType) {
                        inventory.bound.put(StrategyRole.CNXN_FACTORY, List.of("netty"));
                    }
                }
            } catch (IOException e) {
                throw new AssertionError("zoo.cfg unreadable", e);
            }
            return current;
        }
    }
}
