package dev.menagerie.launcher.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.menagerie.api.config.InvalidConfigException;
import dev.menagerie.api.storage.StorageFactory;
import dev.menagerie.api.transport.ServerCnxnFactory;
import dev.menagerie.testing.FakeServerConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModulePathMainTest {

    private static final Path ZOO_CFG = Path.of("/etc/menagerie/zoo.cfg");

    @Test
    void aRefusedKeyIsReportedBeforeAMissingStrategyAndNamesTheFile() {
        FakeServerConfig config = new FakeServerConfig();
        config.storageType = "rocks";
        config.properties.put("metricsProvider.className", "prometheus");

        InvalidConfigException refused = assertThrows(InvalidConfigException.class,
                () -> ModulePathMain.load((file, properties) -> config, ZOO_CFG, List.of()));

        assertEquals("zoo.cfg: metricsProvider.className=prometheus: the module path has no metrics providers"
                + OsgiOnlyKeys.SWITCH_RUNTIME, refused.getMessage());
    }

    @Test
    void everyMissingRoleIsNamedOnOneLine() {
        FakeServerConfig config = new FakeServerConfig();

        InvalidConfigException missing = assertThrows(InvalidConfigException.class,
                () -> ModulePathMain.load((file, properties) -> config, ZOO_CFG, List.of()));

        assertEquals("serverCnxnFactory=nio: no module on the module path provides it (installed: none); storage=file:"
                + " no module on the module path provides it (installed: none)", missing.getMessage());
    }

    @Test
    void theParserGetsTheJvmPropertiesAsFallbacks() throws Exception {
        FakeServerConfig config = new FakeServerConfig();
        String[] seen = new String[1];

        ModulePathMain.load((file, properties) -> {
            seen[0] = properties.get("java.version");
            return config;
        }, ZOO_CFG, List.of(new TestProvider<>(ServerCnxnFactory.class, "nio", services -> null),
                new TestProvider<>(StorageFactory.class, "file", services -> null)));

        assertEquals(System.getProperty("java.version"), seen[0]);
    }
}
