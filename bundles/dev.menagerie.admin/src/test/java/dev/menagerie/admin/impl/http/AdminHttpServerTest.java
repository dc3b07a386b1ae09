package dev.menagerie.admin.impl.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.admin.impl.strategy.FakeStrategyInventory;
import dev.menagerie.admin.testing.FakeServerStatus;
import dev.menagerie.admin.testing.MiniJson;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.testing.Components;
import dev.menagerie.testing.FakeServerConfig;
import dev.menagerie.testing.LogLines;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AdminHttpServerTest {

    private final AdminHttpServer server = new AdminHttpServer(List::of, List::of, FakeStrategyInventory.distribution(),
            Components.create(MetricsRegistry.class).service());

    @AfterEach
    void deactivate() {
        server.deactivate();
    }

    private static FakeServerConfig loopbackConfig() {
        FakeServerConfig config = new FakeServerConfig();
        config.properties.put("admin.serverAddress", "127.0.0.1");
        config.properties.put("admin.serverPort", "0");
        return config;
    }

    private InetSocketAddress listening() {
        return server.listeningAddress().orElseThrow(() -> new AssertionError("admin server is not listening"));
    }

    @Test
    void doesNotListenBeforeAConfigurationArrives() {
        assertTrue(server.listeningAddress().isEmpty());
    }

    @Test
    void startsWhenTheConfigurationArrives() throws Exception {
        server.bindServerConfig(loopbackConfig());

        assertEquals(200, new HttpTestClient(listening()).get("/commands/ruok").statusCode());
    }

    @Test
    void aNewRevisionWithTheSameAdminKeysKeepsTheSameListener() {
        FakeServerConfig first = loopbackConfig();
        server.bindServerConfig(first);
        InetSocketAddress before = listening();

        FakeServerConfig second = first.nextRevision();
        second.properties.put("tickTime", "3000");
        server.bindServerConfig(second);
        server.unbindServerConfig(first);

        assertEquals(before, listening());
    }

    @Test
    void changedAdminKeysRebindAndCommandsSeeTheNewRevision() throws Exception {
        FakeServerConfig first = loopbackConfig();
        server.bindServerConfig(first);
        InetSocketAddress before = listening();

        FakeServerConfig second = first.nextRevision();
        second.properties.put("admin.commandURL", "/admin");
        server.bindServerConfig(second);
        server.unbindServerConfig(first);

        HttpTestClient http = new HttpTestClient(listening());
        assertNotEquals(before, listening());
        assertEquals(404, http.get("/commands/ruok").statusCode());
        String status = http.get("/admin/runtime_status").body();
        assertEquals(2L, MiniJson.parseObject(status).get("config_revision"));
    }

    @Test
    void keepsRunningWithoutAnAdminServerWhenThePortIsInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            FakeServerConfig config = loopbackConfig();
            config.properties.put("admin.serverPort", String.valueOf(taken.getLocalPort()));

            server.bindServerConfig(config);

            assertTrue(server.listeningAddress().isEmpty());
            // The next revision that moves the port brings the admin server up.
            FakeServerConfig moved = config.nextRevision();
            moved.properties.put("admin.serverPort", "0");
            server.bindServerConfig(moved);
            assertEquals(200, new HttpTestClient(listening()).get("/commands/ruok").statusCode());
        }
    }

    @Test
    void httpsWithoutItsStoresLeavesTheAdminPortClosedWithOneLineNamingTheKeys() {
        FakeServerConfig config = loopbackConfig();
        config.properties.put("admin.portUnification", "true");
        try (LogLines log = new LogLines()) {
            server.bindServerConfig(config);

            assertTrue(server.listeningAddress().isEmpty());
            assertEquals(List.of("Admin server not started on 127.0.0.1:0: HTTPS on the admin port"
                    + " (admin.portUnification) needs ssl.quorum.keyStore.location and ssl.quorum.trustStore.location"),
                    log.containing("Admin server not started").stream()
                            .map(line -> line.substring(line.indexOf("Admin server"))).toList());
            assertEquals(List.of(), log.containing("Exception"), "an operator's mistake, not a bug: no stack trace");
        }
    }

    @Test
    void enableServerFalseStopsTheListener() {
        FakeServerConfig first = loopbackConfig();
        server.bindServerConfig(first);
        InetSocketAddress before = listening();

        FakeServerConfig disabled = first.nextRevision();
        disabled.properties.put("admin.enableServer", "false");
        server.bindServerConfig(disabled);

        assertTrue(server.listeningAddress().isEmpty());
        assertRefused(before);
    }

    @Test
    void losingTheConfigurationKeepsServingAndReportsUnconfigured() throws Exception {
        FakeServerConfig config = loopbackConfig();
        server.bindServerConfig(config);
        server.unbindServerConfig(config);

        String status = new HttpTestClient(listening()).get("/commands/runtime_status").body();
        assertEquals("unconfigured", MiniJson.parseObject(status).get("mode"));
    }

    @Test
    void environmentReportsTheVersionOfTheServerWhoseStatusIsBound() throws Exception {
        server.bindServerConfig(loopbackConfig());
        HttpTestClient http = new HttpTestClient(listening());
        assertEquals("<NA>", MiniJson.parseObject(http.get("/commands/envi").body()).get("zookeeper.version"));

        FakeServerStatus status = new FakeServerStatus();
        server.bindServerStatus(status);
        assertEquals(status.version,
                MiniJson.parseObject(http.get("/commands/envi").body()).get("zookeeper.version"));

        server.unbindServerStatus(status);
        assertEquals("<NA>", MiniJson.parseObject(http.get("/commands/envi").body()).get("zookeeper.version"));
    }

    @Test
    void deactivateStopsListeningAndIgnoresLateConfigurations() {
        server.bindServerConfig(loopbackConfig());
        InetSocketAddress before = listening();

        server.deactivate();
        server.bindServerConfig(loopbackConfig().nextRevision());

        assertTrue(server.listeningAddress().isEmpty());
        assertRefused(before);
    }

    private static void assertRefused(InetSocketAddress address) {
        assertThrows(IOException.class, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(address, 2000);
            }
        });
    }
}
