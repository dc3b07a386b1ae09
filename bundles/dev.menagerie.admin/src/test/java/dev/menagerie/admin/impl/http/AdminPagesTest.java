package dev.menagerie.admin.impl.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.menagerie.admin.impl.strategy.FakeStrategyInventory;
import dev.menagerie.admin.testing.FakeServerStatus;
import dev.menagerie.admin.testing.MiniJson;
import dev.menagerie.api.admin.AdminPage;
import dev.menagerie.api.admin.AdminPageRequest;
import dev.menagerie.api.admin.AdminPageResponse;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.status.AdminAccess;
import dev.menagerie.testing.Components;
import dev.menagerie.testing.FakeServerConfig;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pages other bundles register as {@link AdminPage} services, served on the admin port while registered. */
class AdminPagesTest {

    private final AdminHttpServer server = new AdminHttpServer(List::of, List::of, FakeStrategyInventory.distribution(),
            Components.create(MetricsRegistry.class).service());
    private final AdminPage echo = AdminPagesTest::echo;

    @AfterEach
    void deactivate() {
        server.deactivate();
    }

    private static AdminPageResponse echo(AdminPageRequest request) {
        return AdminPageResponse.text(200, request.method() + " " + request.subPath() + " "
                + request.parameters() + " " + request.authorization());
    }

    private HttpTestClient start() {
        FakeServerConfig config = new FakeServerConfig();
        config.properties.put("admin.serverAddress", "127.0.0.1");
        config.properties.put("admin.serverPort", "0");
        server.bindServerConfig(config);
        return new HttpTestClient(server.listeningAddress().orElseThrow());
    }

    @Test
    void aPageIsServedUnderItsPathWhetherRegisteredBeforeOrAfterTheServerStarts() throws Exception {
        server.bindPage(echo, Map.of(AdminPage.PATH, "/early"));
        HttpTestClient http = start();
        server.bindPage(echo, Map.of(AdminPage.PATH, "/late"));

        assertEquals("GET / {} NOT_AUTHENTICATED", http.get("/early").body());
        assertEquals("GET /api/x {a=1} NOT_AUTHENTICATED", http.get("/late/api/x?a=1").body());
        assertEquals(404, http.get("/earlyX").statusCode());
        assertEquals(200, http.get("/commands/ruok").statusCode());
    }

    @Test
    void unregisteringAPageRemovesItWithoutTouchingTheCommands() throws Exception {
        HttpTestClient http = start();
        server.bindPage(echo, Map.of(AdminPage.PATH, "/console"));
        assertEquals(200, http.get("/console").statusCode());

        server.unbindPage(echo, Map.of(AdminPage.PATH, "/console"));

        assertEquals(404, http.get("/console").statusCode());
        assertEquals(200, http.get("/commands/ruok").statusCode());
        server.bindPage(echo, Map.of(AdminPage.PATH, "/console"));
        assertEquals(200, http.get("/console").statusCode());
    }

    @Test
    void theAuthorizationHeaderIsCheckedAsTheSnapshotCommandChecksIt() throws Exception {
        FakeServerStatus status = new FakeServerStatus();
        server.bindServerStatus(status);
        HttpTestClient http = start();
        server.bindPage(echo, Map.of(AdminPage.PATH, "/console"));

        HttpResponse<String> granted = http.get("/console", "Authorization", "digest admin:secret");
        status.access = AdminAccess.NOT_AUTHORIZED;
        HttpResponse<String> refused = http.get("/console", "Authorization", "digest other:secret");

        assertEquals("GET / {} GRANTED", granted.body());
        assertEquals("GET / {} NOT_AUTHORIZED", refused.body());
        assertEquals(List.of("digest admin:secret / 31", "digest other:secret / 31"), status.accessChecks);
    }

    @Test
    void pathsThatWouldHideTheCommandsOrAreNotPlainPathsAreNotMounted() throws Exception {
        HttpTestClient http = start();
        server.bindPage(echo, Map.of(AdminPage.PATH, "/commands/ruok"));
        server.bindPage(echo, Map.of(AdminPage.PATH, "/bad path"));
        server.bindPage(echo, Map.of());

        assertEquals("ruok", MiniJson.parseObject(http.get("/commands/ruok").body()).get("command"));
        assertEquals(404, http.get("/bad%20path").statusCode());
    }
}
