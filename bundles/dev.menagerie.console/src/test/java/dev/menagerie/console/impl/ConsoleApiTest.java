package dev.menagerie.console.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.admin.testing.FakeServerStatus;
import dev.menagerie.api.admin.AdminPageRequest;
import dev.menagerie.api.admin.AdminPageResponse;
import dev.menagerie.api.status.AdminAccess;
import dev.menagerie.api.status.NodeStatus;
import dev.menagerie.api.transport.ServerCnxnFactory;
import dev.menagerie.testing.FakeServerConfig;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/** The console's JSON answers and its one write, the strategy switch, without a browser or a framework. */
class ConsoleApiTest {

    @TempDir
    Path folder;

    private final FakeServerStatus status = new FakeServerStatus();
    private final FakeServerConfig config = new FakeServerConfig();
    private final ConsoleApi api = new ConsoleApi(() -> status, () -> config,
            new MetricsSampler(() -> null, () -> status, () -> 0), new Ensemble(), new ElectionWatch(),
            new Runtime(contextWithTransports("nio", "netty")));

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
    void switchingWithoutCredentialsIsRefusedAndLeavesZooCfgAlone() throws Exception {
        config.configFile = zooCfg("serverCnxnFactory=nio\n");

        AdminPageResponse anonymous = api.switchStrategy(post("role=cnxnFactory&type=netty",
                AdminAccess.NOT_AUTHENTICATED));
        AdminPageResponse notAdmin = api.switchStrategy(post("role=cnxnFactory&type=netty",
                AdminAccess.NOT_AUTHORIZED));

        assertEquals(401, anonymous.status());
        assertEquals(403, notAdmin.status());
        assertEquals("serverCnxnFactory=nio\n", Files.readString(config.configFile));
    }

    @Test
    void switchingWithCredentialsRewritesTheKeyAsAHandEditWould() throws Exception {
        config.configFile = zooCfg("# transport\nserverCnxnFactory = nio\ntickTime=2000\n");

        AdminPageResponse response = api.switchStrategy(post("role=cnxnFactory&type=netty", AdminAccess.GRANTED));

        assertEquals(202, response.status(), body(response));
        assertEquals(List.of("# transport", "serverCnxnFactory=netty", "tickTime=2000"),
                Files.readAllLines(config.configFile));
    }

    @Test
    void aTypeNoBundleProvidesAndAnEnsembleVerifierAreRefused() throws Exception {
        config.configFile = zooCfg("tickTime=2000\n");

        AdminPageResponse unknownType = api.switchStrategy(post("role=cnxnFactory&type=carrier-pigeon",
                AdminAccess.GRANTED));
        config.standalone = false;
        AdminPageResponse verifier = api.switchStrategy(post("role=verifier&type=hierarchical",
                AdminAccess.GRANTED));

        assertEquals(409, unknownType.status());
        assertTrue(body(unknownType).contains("installed: netty, nio"), body(unknownType));
        assertEquals(409, verifier.status());
        assertTrue(body(verifier).contains("reconfiguration"), body(verifier));
        assertEquals("tickTime=2000\n", Files.readString(config.configFile));
    }

    private Path zooCfg(String text) throws Exception {
        return Files.writeString(folder.resolve("zoo.cfg"), text);
    }

    private static NodeStatus node(String path, String data, NodeStatus.AclEntry acl) {
        return new NodeStatus(path, data.getBytes(StandardCharsets.UTF_8), List.of(), List.of(acl),
                new NodeStatus.NodeStat(2, 2, 0, 0, 0, 0, 0, 0, data.length(), 0, 2));
    }

    /** A framework with one transport service per type and nothing else. */
    private static BundleContext contextWithTransports(String... types) {
        ServiceReference<?>[] references = new ServiceReference<?>[types.length];
        for (int i = 0; i < types.length; i++) {
            String type = types[i];
            references[i] = (ServiceReference<?>) Proxy.newProxyInstance(ConsoleApiTest.class.getClassLoader(),
                    new Class<?>[] {ServiceReference.class},
                    (proxy, method, args) -> "getProperty".equals(method.getName()) ? type : null);
        }
        return (BundleContext) Proxy.newProxyInstance(ConsoleApiTest.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if ("getServiceReferences".equals(method.getName())) {
                        return ServerCnxnFactory.class.getName().equals(args[0]) ? references : null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
