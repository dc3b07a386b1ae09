package dev.menagerie.launcher.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.menagerie.testing.FakeServerConfig;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OsgiOnlyKeysTest {

    @Test
    void theAdminServerIsRefusedUnlessTurnedOff() {
        FakeServerConfig config = new FakeServerConfig();
        config.properties.put("admin.serverPort", "8080");

        assertEquals(Optional.of("admin.serverPort=8080: the module path has no admin server; set"
                + " admin.enableServer=false" + OsgiOnlyKeys.SWITCH_RUNTIME), OsgiOnlyKeys.refusal(config, Map.of()));

        config.properties.put("admin.enableServer", "false");
        assertEquals(Optional.empty(), OsgiOnlyKeys.refusal(config, Map.of()));
    }

    @Test
    void anExplicitlyEnabledAdminServerIsRefused() {
        FakeServerConfig config = new FakeServerConfig();
        config.properties.put("admin.enableServer", "true");

        assertEquals("admin.enableServer=true", OsgiOnlyKeys.refusal(config, Map.of()).orElseThrow().split(":")[0]);
    }

    @Test
    void aMetricsProviderIsRefused() {
        FakeServerConfig config = new FakeServerConfig();
        config.properties.put("admin.enableServer", "false");
        config.properties.put("metricsProvider.className",
                "org.apache.zookeeper.metrics.prometheus.PrometheusMetricsProvider");

        assertEquals("metricsProvider.className=org.apache.zookeeper.metrics.prometheus.PrometheusMetricsProvider",
                OsgiOnlyKeys.refusal(config, Map.of()).orElseThrow().split(": ")[0]);
    }

    @Test
    void aPlainStandaloneConfigurationIsAccepted() {
        FakeServerConfig config = new FakeServerConfig();
        config.properties.put("tickTime", "2000");
        config.properties.put("4lw.commands.whitelist", "srvr");

        assertEquals(Optional.empty(), OsgiOnlyKeys.refusal(config, Map.of()));
    }

    @Test
    void theJvmPropertyTurnsTheAdminServerOffWhenZooCfgDoesNotSay() {
        FakeServerConfig config = new FakeServerConfig();
        config.properties.put("admin.serverPort", "8080");

        assertEquals(Optional.empty(), OsgiOnlyKeys.refusal(config, Map.of("zookeeper.admin.enableServer", "false")));

        config.properties.put("admin.enableServer", "true");
        assertEquals("admin.enableServer=true", OsgiOnlyKeys.refusal(config,
                Map.of("zookeeper.admin.enableServer", "false")).orElseThrow().split(":")[0]);
    }
}
