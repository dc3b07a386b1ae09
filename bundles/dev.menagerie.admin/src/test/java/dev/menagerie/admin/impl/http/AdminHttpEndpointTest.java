package dev.menagerie.admin.impl.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.admin.impl.command.CommandRegistry;
import dev.menagerie.admin.impl.command.StandardCommands;
import dev.menagerie.admin.impl.command.TraceMask;
import dev.menagerie.admin.impl.json.JsonWriter;
import dev.menagerie.admin.impl.metrics.AdminMetrics;
import dev.menagerie.admin.impl.runtime.BundleInfo;
import dev.menagerie.admin.impl.strategy.FakeStrategyInventory;
import dev.menagerie.admin.testing.FakeServerStatus;
import dev.menagerie.admin.testing.MiniJson;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.testing.Components;
import dev.menagerie.testing.FakeServerConfig;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

class AdminHttpEndpointTest {

    private final FakeServerConfig config = new FakeServerConfig();
    private final FakeServerStatus status = new FakeServerStatus();
    private AdminHttpEndpoint endpoint;
    private HttpTestClient http;

    @BeforeEach
    void start() throws Exception {
        MetricsRegistry metrics = Components.create(MetricsRegistry.class).service();
        CommandRegistry registry = StandardCommands.registry(() -> status, () -> config, () -> "tickTime=2000\n",
                () -> List.of(new BundleInfo("dev.menagerie.api", Bundle.ACTIVE, false),
                        new BundleInfo("dev.menagerie.transport.netty", Bundle.INSTALLED, false)),
                List::of, FakeStrategyInventory.distribution(), metrics);
        endpoint = AdminHttpEndpoint.start(new AdminSettings(true, "127.0.0.1", 0, "/commands"), registry,
                new AdminMetrics(metrics).insecureConnections);
        http = new HttpTestClient(endpoint.address());
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    @Test
    void listensOnTheAskedAddressWithAPortChosenByTheSystem() {
        assertEquals("127.0.0.1", endpoint.address().getAddress().getHostAddress());
        assertTrue(endpoint.address().getPort() > 0);
    }

    @Test
    void ruokAnswersJson() throws Exception {
        HttpResponse<String> response = http.get("/commands/ruok");

        assertEquals(200, response.statusCode());
        assertEquals("application/json; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals("{\"command\":\"ruok\",\"error\":null}", JsonWriter.compact(MiniJson.parse(response.body())));
    }

    @Test
    void runtimeStatusAnswersTheCurrentState() throws Exception {
        HttpResponse<String> response = http.get("/commands/runtime_status");

        assertEquals(200, response.statusCode());
        Map<String, Object> json = MiniJson.parseObject(response.body());
        assertEquals("runtime_status", json.get("command"));
        assertNull(json.get("error"));
        assertEquals("standalone", json.get("mode"));
        assertEquals(2L, json.get("bundles_total"));
        assertEquals(1L, json.get("bundles_active"));
        assertEquals(List.of("dev.menagerie.transport.netty INSTALLED"), json.get("inactive_bundles"));
        assertEquals("nio", ((Map<?, ?>) json.get("strategies")).get("cnxnFactory"));
    }

    @Test
    void anAliasAnswersUnderThePrimaryName() throws Exception {
        HttpResponse<String> response = http.get("/commands/conf");

        assertEquals(200, response.statusCode());
        assertEquals("configuration", MiniJson.parseObject(response.body()).get("command"));
    }

    @Test
    void unknownCommandIs200WithAnErrorMessageAsApacheAnswers() throws Exception {
        for (String path : List.of("/commands/nosuch", "/commands/ruok/extra")) {
            HttpResponse<String> response = http.get(path);

            assertEquals(200, response.statusCode());
            Map<String, Object> json = MiniJson.parseObject(response.body());
            assertEquals(path.substring("/commands/".length()), json.get("command"));
            assertEquals("Unknown command: " + json.get("command"), json.get("error"));
        }
    }

    @Test
    void pathsOutsideTheCommandUrlAre404() throws Exception {
        assertEquals(404, http.get("/commandsruok").statusCode());
        assertEquals(404, http.get("/other").statusCode());
    }

    @Test
    void postToACommandThatTakesOnlyGetIs405AndSaysWhichMethodsAreAllowed() throws Exception {
        HttpResponse<String> response = http.post("/commands/ruok", "{}");

        assertEquals(405, response.statusCode());
        assertEquals("GET, HEAD", response.headers().firstValue("Allow").orElse(""));
        Map<String, Object> json = MiniJson.parseObject(response.body());
        assertEquals("ruok", json.get("command"));
        assertEquals("Method not allowed: POST (use GET)", json.get("error"));
    }

    @Test
    void restoreWithoutAuthorizationIs401AsApacheAnswersIt() throws Exception {
        HttpResponse<String> response = http.post("/commands/restore", "snapshot bytes");

        assertEquals(401, response.statusCode());
        assertEquals("Auth info is missing for the command", MiniJson.parseObject(response.body()).get("error"));
    }

    @Test
    void restoreLoadsThePostedBodyAndAnswersItsZxid() throws Exception {
        byte[] snapshot = new byte[200_000];
        new java.util.Random(7).nextBytes(snapshot);
        HttpResponse<String> response = http.post("/commands/restore", snapshot, "digest backup:secret");

        assertEquals(200, response.statusCode());
        assertEquals(0x2aL, MiniJson.parseObject(response.body()).get("last_zxid"));
        assertEquals(1, status.restoredStreams.size());
        assertArrayEquals(snapshot, status.restoredStreams.get(0));
    }

    @Test
    void queryParametersReachTheCommand() throws Exception {
        try {
            HttpResponse<String> response = http.get("/commands/stmk?traceMask=12&traceMask=99");

            assertEquals(12L, MiniJson.parseObject(response.body()).get("tracemask"));
            assertEquals(12L, MiniJson.parseObject(http.get("/commands/gtmk").body()).get("tracemask"));
        } finally {
            TraceMask.set(TraceMask.DEFAULT);
        }
    }

    @Test
    void headAnswersTheStatusWithoutABody() throws Exception {
        HttpResponse<String> response = http.head("/commands/ruok");

        assertEquals(200, response.statusCode());
        assertEquals("", response.body());
    }

    @Test
    void theCommandUrlItselfListsEveryCommand() throws Exception {
        HttpResponse<String> response = http.get("/commands");

        assertEquals(200, response.statusCode());
        Map<?, ?> links = (Map<?, ?>) MiniJson.parseObject(response.body()).get("commands");
        assertEquals("/commands/ruok", links.get("ruok"));
        assertEquals(30, links.size(), "Apache's 28 with runtime_status and transfer_leadership: " + links.keySet());
        assertTrue(links.containsKey("watch_summary"), links.keySet().toString());
        assertTrue(links.containsKey("transfer_leadership"), links.keySet().toString());
    }
}
