package dev.menagerie.config.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.config.ConfigReader;
import dev.menagerie.api.config.InvalidConfigException;
import dev.menagerie.api.config.ServerConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReaderComponentTest {

    @TempDir
    Path tmp;

    private final ConfigReader reader = new ConfigReaderComponent();

    @Test
    void readsAFileAsTheServerWould() throws Exception {
        ZooCfgFixture zoo = new ZooCfgFixture(tmp);
        ServerConfig config = reader.read(zoo.write(zoo.base() + "tickTime=500\n"), Map.of());
        assertEquals(500, config.tickTimeMs());
        assertTrue(config.standalone());
    }

    @Test
    void aRefusedKeyIsOneLineNamingIt() {
        ZooCfgFixture zoo = new ZooCfgFixture(tmp);
        Path cfg = zoo.write(zoo.base() + "emulate353TTLNodes=true\n");
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> reader.read(cfg, Map.of()));
        assertTrue(e.getMessage().contains("emulate353TTLNodes"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertEquals(0, e.getStackTrace().length, "an operator's error carries no stack trace");
    }

    @Test
    void theGivenSystemPropertiesCountAndTheJvmsDoNot() {
        ZooCfgFixture zoo = new ZooCfgFixture(tmp);
        Path cfg = zoo.write(zoo.base());
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> reader.read(cfg, Map.of("zookeeper.audit.impl.class", "com.example.AuditLogger")));
        assertTrue(e.getMessage().contains("audit.impl.class"), e.getMessage());
    }
}
