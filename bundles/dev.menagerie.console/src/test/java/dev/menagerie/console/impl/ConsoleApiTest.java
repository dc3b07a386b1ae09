package dev.menagerie.console.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.admin.testing.FakeServerStatus;
import dev.menagerie.api.admin.AdminPageRequest;
import dev.menagerie.api.admin.AdminPageResponse;
import dev.menagerie.api.admin.StrategyRoleState;
import dev.menagerie.api.admin.StrategySwitchResult;
import dev.menagerie.api.admin.StrategySwitchResult.Outcome;
import dev.menagerie.api.admin.StrategySwitcher;
import dev.menagerie.api.status.AdminAccess;
import dev.menagerie.api.status.NodeStatus;
import dev.menagerie.testing.FakeServerConfig;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Bundle;

/**
 * The console's JSON answers and its one write, the strategy switch (through the admin bundle's switcher), without
 * a browser or a framework.
 */
class ConsoleApiTest {

    private final FakeServerStatus status = new FakeServerStatus();
    private final FakeServerConfig config = new FakeServerConfig();
    private final FakeSwitcher switcher = new FakeSwitcher();
    private final ConsoleApi api = new ConsoleApi(() -> status, () -> config,
            new MetricsSampler(() -> null, () -> status, () -> 0), new Ensemble(), new ElectionWatch(),
            new Runtime(noBundles()), () -> switcher);

    private record Request(String method, String subPath, Map<String, String> parameters, byte[] body,
            AdminAccess authorization) implements AdminPageRequest {

        @Override
        public Optional<String> header(String name) {
            return Optional.empty();
        }

        @Override
        public String remoteAddress() {
            return "127.0.0.1";
        }
    }

    private static Request get(String path, Map<String, String> parameters, AdminAccess access) {
        return new Request("GET", path, parameters, new byte[0], access);
    }

    private static Request post(String form, AdminAccess access) {
        return new Request("POST", "/api/strategy", Map.of(), form.getBytes(StandardCharsets.UTF_8), access);
    }

    private static String body(AdminPageResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void nodeDataIsShownOnlyWhenAnyoneMayReadItOrTheOperatorSignedIn() {
        status.nodes = Map.of(
                "/open", node("/open", "visible", new NodeStatus.AclEntry(31, "world", "anyone")),
                "/closed", node("/closed", "secret", new NodeStatus.AclEntry(31, "digest", "app:hash")));

        String open = body(api.node(get("/api/node", Map.of("path", "/open"), AdminAccess.NOT_AUTHENTICATED)));
        String closed = body(api.node(get("/api/node", Map.of("path", "/closed"), AdminAccess.NOT_AUTHENTICATED)));
        String signedIn = body(api.node(get("/api/node", Map.of("path", "/closed"), AdminAccess.GRANTED)));
        AdminPageResponse missing = api.node(get("/api/node", Map.of("path", "/none"), AdminAccess.GRANTED));

        assertTrue(open.contains("\"data_text\":\"visible\""), open);
        assertTrue(open.contains("\"perms\":\"cdrwa\""), open);
        assertTrue(closed.contains("\"data_visible\":false") && !closed.contains("secret"), closed);
        assertTrue(closed.contains("\"id\":\"app:hash\""), "the ACL itself is shown: " + closed);
        assertTrue(signedIn.contains("\"data_text\":\"secret\""), signedIn);
        assertEquals(404, missing.status());
    }

    @Test
    void switchingWithoutCredentialsIsRefusedBeforeTheSwitcherIsAsked() {
        AdminPageResponse anonymous = api.switchStrategy(post("role=cnxnFactory&type=netty",
                AdminAccess.NOT_AUTHENTICATED));
        AdminPageResponse notAdmin = api.switchStrategy(post("role=cnxnFactory&type=netty",
                AdminAccess.NOT_AUTHORIZED));

        assertEquals(401, anonymous.status());
        assertEquals(403, notAdmin.status());
        assertEquals(List.of(), switcher.calls);
    }

    @Test
    void aSwitchGoesThroughTheSwitcherAndAnswersWhatItDid() {
        switcher.result = new StrategySwitchResult(Outcome.SWITCHED,
                "cnxnFactory: nio -> netty (serverCnxnFactory=netty written to zoo.cfg)\nbound netty after 80 ms");
        AdminPageResponse switched = api.switchStrategy(post("role=cnxnFactory&type=netty", AdminAccess.GRANTED));
        switcher.result = new StrategySwitchResult(Outcome.NOT_BOUND, "cnxnFactory: nio -> netty\nbut after ...");
        AdminPageResponse notBound = api.switchStrategy(post("role=cnxnFactory&type=netty", AdminAccess.GRANTED));

        assertEquals(List.of("cnxnFactory netty " + ConsoleApi.SWITCH_TIMEOUT_MS,
                "cnxnFactory netty " + ConsoleApi.SWITCH_TIMEOUT_MS), switcher.calls);
        assertEquals(200, switched.status(), body(switched));
        assertTrue(body(switched).contains("\"outcome\":\"SWITCHED\""), body(switched));
        assertTrue(body(switched).contains("bound netty after 80 ms"), body(switched));
        assertEquals(202, notBound.status(), body(notBound));
    }

    @Test
    void aRefusalIsAConflictThatSaysWhy() {
        switcher.result = new StrategySwitchResult(Outcome.REFUSED, "Refused: no installed bundle provides"
                + " cnxnFactory type=carrier-pigeon (installed: netty, nio); cnxnFactory stays nio");

        AdminPageResponse refused = api.switchStrategy(post("role=cnxnFactory&type=carrier-pigeon",
                AdminAccess.GRANTED));

        assertEquals(409, refused.status());
        assertEquals("{\"error\":\"no installed bundle provides cnxnFactory type=carrier-pigeon (installed: netty,"
                + " nio); cnxnFactory stays nio\"}", body(refused));
    }

    @Test
    void withoutTheSwitcherASwitchIsUnavailableAndNoStrategiesAreListed() {
        ConsoleApi withoutSwitcher = new ConsoleApi(() -> status, () -> config,
                new MetricsSampler(() -> null, () -> status, () -> 0), new Ensemble(), new ElectionWatch(),
                new Runtime(noBundles()), () -> null);

        AdminPageResponse answer = withoutSwitcher.switchStrategy(post("role=cnxnFactory&type=netty",
                AdminAccess.GRANTED));

        assertEquals(503, answer.status());
        assertTrue(body(withoutSwitcher.runtime()).contains("\"strategies\":[]"), body(withoutSwitcher.runtime()));
    }

    @Test
    void theStrategyTableShowsEachRoleWithItsImplementationsAndWhatIsBound() {
        String runtime = body(api.runtime());

        assertTrue(runtime.contains("{\"role\":\"cnxnFactory\",\"config_key\":\"serverCnxnFactory\","
                + "\"chosen\":\"nio\",\"implementations\":[{\"type\":\"netty\",\"bundle\":"
                + "\"dev.menagerie.transport.netty 1.0.0\",\"in_use\":false},{\"type\":\"nio\",\"bundle\":"
                + "\"dev.menagerie.transport.nio 1.0.0\",\"in_use\":true}],\"switch_refused\":null}"), runtime);
    }

    private static NodeStatus node(String path, String data, NodeStatus.AclEntry acl) {
        return new NodeStatus(path, data.getBytes(StandardCharsets.UTF_8), List.of(), List.of(acl),
                new NodeStatus.NodeStat(2, 2, 0, 0, 0, 0, 0, 0, data.length(), 0, 2));
    }

    /** A framework with no bundles. */
    private static BundleContext noBundles() {
        return (BundleContext) Proxy.newProxyInstance(ConsoleApiTest.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if ("getBundles".equals(method.getName())) {
                        return new Bundle[0];
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Records the switches asked for and answers {@link #result}. */
    private static final class FakeSwitcher implements StrategySwitcher {
        final List<String> calls = new ArrayList<>();
        StrategySwitchResult result;

        @Override
        public List<StrategyRoleState> roles() {
            return List.of(new StrategyRoleState("cnxnFactory", "serverCnxnFactory", "nio",
                    List.of(new StrategyRoleState.Implementation("netty", "dev.menagerie.transport.netty 1.0.0"),
                            new StrategyRoleState.Implementation("nio", "dev.menagerie.transport.nio 1.0.0")),
                    List.of("nio"), null));
        }

        @Override
        public StrategySwitchResult switchStrategy(String role, String type, long timeoutMs) {
            calls.add(role + " " + type + " " + timeoutMs);
            return result;
        }
    }
}
