package dev.menagerie.server.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.election.ElectionFactory;
import dev.menagerie.api.plugin.BasicStrategyProvider;
import dev.menagerie.api.plugin.StrategyProvider;
import dev.menagerie.api.plugin.StrategyServices;
import dev.menagerie.api.quorum.QuorumVerifierFactory;
import dev.menagerie.api.storage.StorageFactory;
import dev.menagerie.api.transport.ServerCnxnFactory;
import dev.menagerie.testing.FakeServerConfig;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ProvidedStrategiesTest {

    private static final ElectionFactory FAST = context -> {
        throw new UnsupportedOperationException("never opened here");
    };

    static final class Provider<S> extends BasicStrategyProvider<S> {
        Provider(Class<S> role, String type, Function<StrategyServices, S> maker) {
            super(role, type, maker);
        }
    }

    private static final List<StrategyProvider<?>> INSTALLED = List.of(
            new Provider<>(ServerCnxnFactory.class, "nio", services -> null),
            new Provider<>(ServerCnxnFactory.class, "netty", services -> null),
            new Provider<>(StorageFactory.class, "memory", services -> settings -> null),
            new Provider<>(StorageFactory.class, "file", services -> settings -> null),
            new Provider<>(ElectionFactory.class, "fast", services -> FAST),
            new Provider<>(QuorumVerifierFactory.class, "majority", services -> members -> null));

    @Test
    void aTypeNoModuleProvidesIsOneLineNamingTheKeyTheTypeAndTheInstalledTypes() {
        FakeServerConfig config = ensembleMember();
        config.electionType = "priority";
        config.storageType = "rocks";

        assertEquals(List.of("storage=rocks: no module on the module path provides it (installed: file, memory)",
                "electionType=priority: no module on the module path provides it (installed: fast)"),
                ProvidedStrategies.problems(config, INSTALLED, ProvidedStrategies.Source.MODULE_PATH));
    }

    @Test
    void aStandaloneServerNeedsNoElectionAndNoVerifier() {
        assertEquals(List.of(), ProvidedStrategies.problems(new FakeServerConfig(), List.of(INSTALLED.get(0),
                INSTALLED.get(3)), ProvidedStrategies.Source.MODULE_PATH));
    }

    @Test
    void aRoleWithNoModuleAtAllSaysNone() {
        FakeServerConfig config = ensembleMember();

        assertEquals(List.of("quorumVerifier=majority: no module on the module path provides it (installed: none)"),
                ProvidedStrategies.problems(config, INSTALLED.subList(0, 5), ProvidedStrategies.Source.MODULE_PATH));
    }

    @Test
    void twoModulesProvidingOneTypeAreRefused() {
        List<StrategyProvider<?>> twice = List.of(INSTALLED.get(0), INSTALLED.get(3),
                new Provider<>(ServerCnxnFactory.class, "nio", services -> null));

        List<String> problems = ProvidedStrategies.problems(new FakeServerConfig(), twice,
                ProvidedStrategies.Source.MODULE_PATH);

        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("serverCnxnFactory=nio: 2 modules provide it"), problems.get(0));
        assertTrue(ProvidedStrategies.problems(new FakeServerConfig(), twice, ProvidedStrategies.Source.CLASS_PATH)
                .get(0).startsWith("serverCnxnFactory=nio: 2 jars provide it"));
    }

    @Test
    void aStrategyBuildingOnAnotherGetsTheServersOwnInstanceOfIt() {
        FakeServerConfig config = ensembleMember();
        config.electionType = "wrapped";
        ElectionFactory[] seen = new ElectionFactory[1];
        List<StrategyProvider<?>> providers = List.of(INSTALLED.get(4),
                new Provider<>(ElectionFactory.class, "wrapped", services -> {
                    seen[0] = services.strategy(ElectionFactory.class, "fast");
                    return seen[0];
                }));
        ProvidedStrategies strategies = new ProvidedStrategies(providers, config,
                ProvidedStrategies.Source.MODULE_PATH);

        ElectionFactory chosen = strategies.chosen("election", ElectionFactory.class);

        assertSame(FAST, chosen);
        assertSame(FAST, strategies.strategy(ElectionFactory.class, "fast"));
    }

    @Test
    void aServiceTheServerDoesNotHaveIsNamed() {
        ProvidedStrategies strategies = new ProvidedStrategies(INSTALLED, new FakeServerConfig(),
                ProvidedStrategies.Source.MODULE_PATH);

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> strategies.service(Runnable.class));

        assertEquals("no Runnable on the module path for this server", refused.getMessage());
    }

    @Test
    void theDescriptionNamesEachChosenType() {
        FakeServerConfig config = new FakeServerConfig();
        config.cnxnFactoryType = "netty";

        assertTrue(new ProvidedStrategies(INSTALLED, config, ProvidedStrategies.Source.CLASS_PATH).describe()
                .startsWith("serverCnxnFactory=netty (dev.menagerie.server.embed.ProvidedStrategiesTest$Provider)"
                        + ", storage=file ("));
    }

    private static FakeServerConfig ensembleMember() {
        FakeServerConfig config = new FakeServerConfig();
        config.standalone = false;
        config.myId = 1L;
        return config;
    }
}
