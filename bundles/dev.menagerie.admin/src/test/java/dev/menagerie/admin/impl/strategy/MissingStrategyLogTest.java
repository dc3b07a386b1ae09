package dev.menagerie.admin.impl.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.menagerie.testing.FakeServerConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the log says when zoo.cfg selects a type that no installed bundle provides. */
class MissingStrategyLogTest {

    private final FakeStrategyInventory inventory = FakeStrategyInventory.distribution();
    private final MissingStrategyLog log = new MissingStrategyLog();

    @Test
    void aMissingTypeIsOneErrorLineNamingRoleWantedAndInstalledTypesThenSilenceUntilItArrives() {
        FakeServerConfig config = ensemble();
        config.electionType = "priority";

        assertEquals(List.of(new MissingStrategyLog.Line(true, "electionType=priority: no installed bundle provides"
                + " it (installed: fast); this server takes no part in the ensemble until a bundle provides it")),
                log.look(config, inventory));
        assertEquals(List.of(), log.look(config, inventory), "said once, not at every look");

        inventory.install(StrategyRole.ELECTION, "priority", "dev.menagerie.election.priority 1.0.0");
        assertEquals(List.of(new MissingStrategyLog.Line(false,
                "electionType=priority is now provided by dev.menagerie.election.priority 1.0.0")),
                log.look(config, inventory));
        assertEquals(List.of(), log.look(config, inventory));
    }

    @Test
    void aStoppedProviderBundleIsNamedWithWhatTheServerDoesMeanwhile() {
        FakeServerConfig config = new FakeServerConfig();
        assertEquals(List.of(), log.look(config, inventory), "everything the distribution selects is there");

        inventory.installed.remove(StrategyRole.STORAGE);
        assertEquals(List.of(new MissingStrategyLog.Line(true, "storage=file is unbound:"
                + " dev.menagerie.storage.file 1.0.0, which provided it, stopped or was uninstalled (installed: none);"
                + " no server runs until a bundle provides it")), log.look(config, inventory));
    }

    @Test
    void aStandaloneServerUsesNoElectionAndNoVerifier() {
        FakeServerConfig config = new FakeServerConfig();
        config.electionType = "priority";
        config.verifierType = "unanimous";
        config.storageType = "memory";

        assertEquals(List.of(new MissingStrategyLog.Line(true, "storage=memory: no installed bundle provides it"
                + " (installed: file); no server runs until a bundle provides it")), log.look(config, inventory));
        assertEquals(List.of("storage=memory: no installed bundle provides it (installed: file)"),
                MissingStrategy.find(config, inventory).stream().map(MissingStrategy::describe).toList());
    }

    @Test
    void noConfigurationMeansNothingToReport() {
        assertEquals(List.of(), log.look(null, inventory));
        assertEquals(List.of(), MissingStrategy.find(null, inventory));
    }

    private static FakeServerConfig ensemble() {
        FakeServerConfig config = new FakeServerConfig();
        config.standalone = false;
        return config;
    }
}
