package dev.menagerie.admin.impl.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.admin.impl.command.CommandRegistry;
import dev.menagerie.admin.impl.command.RuokCommand;
import dev.menagerie.admin.impl.command.StandardCommands;
import dev.menagerie.admin.impl.metrics.AdminMetrics;
import dev.menagerie.admin.impl.strategy.FakeStrategyInventory;
import dev.menagerie.admin.testing.FakeServerStatus;
import dev.menagerie.api.metrics.Counter;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.status.AdminAccess;
import dev.menagerie.testing.Components;
import dev.menagerie.api.status.SnapshotFile;
import dev.menagerie.testing.FakeServerConfig;
import dev.menagerie.testing.TestCertificates;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin port over HTTPS as Apache ZooKeeper 3.9.5's Jetty admin server serves it: {@code admin.forceHttps},
 * {@code admin.portUnification}, {@code admin.needClientAuth} with the {@code ssl.quorum.*} stores, and the client
 * certificate reaching the {@code x509} check of {@code snapshot}.
 */
class AdminHttpsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String PASSWORD = new String(TestCertificates.PASSWORD);
    private static final String CLIENT_SUBJECT = "CN=menagerie-test-client";

    @TempDir
    static Path certificateFolder;
    private static TestCertificates certificates;
    /** Trusted by the admin port's store but not by {@code ssl.trustStore}. */
    private static Path strangerKeys;
    private static Path adminTrust;

    private final FakeServerStatus status = new FakeServerStatus();
    private final FakeServerConfig config = new FakeServerConfig();
    private final MetricsRegistry metrics = Components.create(MetricsRegistry.class).service();
    private final Counter insecureConnections = new AdminMetrics(metrics).insecureConnections;
    private AdminHttpEndpoint endpoint;

    @BeforeAll
    static void makeCertificates() throws Exception {
        certificates = new TestCertificates(certificateFolder);
        strangerKeys = certificates.newKeyPair("stranger", "CN=stranger", null, null);
        adminTrust = TestCertificates.trustStoreOf(certificateFolder.resolve("admin-trust.p12"),
                TestCertificates.certificateOf(certificates.clientKeys), TestCertificates.certificateOf(strangerKeys));
    }

    @AfterEach
    void stop() {
        if (endpoint != null) {
            endpoint.close();
        }
    }

    private InetSocketAddress start(Map<String, String> keys) throws IOException {
        Map<String, String> properties = new HashMap<>(Map.of("admin.serverAddress", "127.0.0.1",
                "admin.serverPort", "0",
                "ssl.quorum.keyStore.location", certificates.serverKeys.toString(),
                "ssl.quorum.keyStore.password", PASSWORD,
                "ssl.quorum.trustStore.location", adminTrust.toString(),
                "ssl.quorum.trustStore.password", PASSWORD,
                "ssl.trustStore.location", certificates.serverTrust.toString(),
                "ssl.trustStore.password", PASSWORD));
        properties.putAll(keys);
        CommandRegistry registry = StandardCommands.registry(() -> status, () -> config, () -> "", List::of,
                List::of, FakeStrategyInventory.distribution(), metrics);
        endpoint = AdminHttpEndpoint.start(AdminSettings.from(properties), registry, insecureConnections);
        return endpoint.address();
    }

    private static HttpResponse<String> get(String scheme, InetSocketAddress address, SSLContext tls, String path,
            String authorization) throws IOException, InterruptedException {
        HttpClient.Builder client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT);
        if (tls != null) {
            client.sslContext(tls);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(scheme + "://127.0.0.1:"
                + address.getPort() + path)).timeout(TIMEOUT).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.build().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What the server answers to a plain HTTP request written on a raw socket, until it closes the connection. */
    private static String plainExchange(InetSocketAddress address) throws IOException {
        try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            socket.getOutputStream().write("GET /commands/ruok HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            try {
                in.transferTo(answer);
            } catch (SocketException reset) {
                // a reset is a refusal too; what came before it is still the answer
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void forceHttpsServesCommandsOverHttpsWithApachesStrictTransportHeader() throws Exception {
        InetSocketAddress address = start(Map.of("admin.forceHttps", "true"));

        HttpResponse<String> response = get("https", address, certificates.clientContext(false), "/commands/ruok",
                null);

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("\"command\": \"ruok\""), response.body());
        assertEquals("max-age=86400; includeSubDomains",
                response.headers().firstValue("Strict-Transport-Security").orElse(""));
    }

    @Test
    void forceHttpsClosesAPlainHttpConnectionWithoutAnHttpAnswer() throws Exception {
        InetSocketAddress address = start(Map.of("admin.forceHttps", "true"));

        String answer = plainExchange(address);

        assertFalse(answer.startsWith("HTTP/"), "plain HTTP got an HTTP answer: " + answer);
        assertThrows(IOException.class, () -> get("http", address, null, "/commands/ruok", null));
        assertEquals(0, insecureConnections.value(), "only a unified port counts plain connections, as Apache's");
    }

    @Test
    void portUnificationServesHttpsAndPlainHttpOnOnePort() throws Exception {
        InetSocketAddress address = start(Map.of("admin.portUnification", "true"));

        HttpResponse<String> secure = get("https", address, certificates.clientContext(false), "/commands/ruok",
                null);
        HttpResponse<String> plain = get("http", address, null, "/commands/ruok", null);

        assertEquals(200, secure.statusCode());
        assertEquals(200, plain.statusCode());
        assertEquals(secure.body(), plain.body());
        assertTrue(secure.headers().firstValue("Strict-Transport-Security").isPresent());
        assertTrue(plain.headers().firstValue("Strict-Transport-Security").isEmpty(),
                "the header is for HTTPS responses only");
        assertTrue(plainExchange(address).startsWith("HTTP/1.1 200"));
        assertEquals(2, insecureConnections.value(), "Apache's insecure_admin_count: the plain connections");
    }

    @Test
    void theUnifiedPortFreesItsConnectionSlotsWhenClientsLeave() throws Exception {
        InetSocketAddress address = start(Map.of("admin.portUnification", "true"));

        for (int i = 0; i < 2 * UnifiedPort.MAX_CONNECTIONS; i++) {
            new Socket(address.getAddress(), address.getPort()).close(); // leaves before sending a byte
            String answer = plainExchange(address);
            assertTrue(answer.startsWith("HTTP/1.1 200"), "exchange " + i + " answered: " + answer);
        }
    }

    @Test
    void forceHttpsWinsOverPortUnification() throws Exception {
        InetSocketAddress address = start(Map.of("admin.portUnification", "true", "admin.forceHttps", "true"));

        assertFalse(plainExchange(address).startsWith("HTTP/"));
        assertEquals(200, get("https", address, certificates.clientContext(false), "/commands/ruok", null)
                .statusCode());
    }

    @Test
    void needClientAuthRefusesAClientWithoutCertificateAndPassesTheCertificateToX509() throws Exception {
        InetSocketAddress address = start(Map.of("admin.forceHttps", "true", "admin.needClientAuth", "true"));
        status.snapshotFile = new SnapshotFile(0x1e, Files.write(certificateFolder.resolve("snapshot.1e"),
                new byte[] {1, 2, 3}));

        assertThrows(IOException.class, () -> get("https", address, certificates.clientContext(false),
                "/commands/ruok", null), "no client certificate");
        HttpResponse<String> snapshot = get("https", address, certificates.clientContext(true),
                "/commands/snapshot", "x509");

        assertEquals(200, snapshot.statusCode(), snapshot.body());
        assertEquals(List.of("x509 null / 31"), status.accessChecks);
        assertEquals(List.of(CLIENT_SUBJECT), subjects(status.certificateChains.get(0)));
    }

    @Test
    void behindTheUnifiedPortTheCertificateAndTheClientsAddressStillReachTheCheck() throws Exception {
        InetSocketAddress address = start(Map.of("admin.portUnification", "true", "admin.needClientAuth", "true"));
        status.access = AdminAccess.NOT_AUTHORIZED;

        HttpResponse<String> secure = get("https", address, certificates.clientContext(true), "/commands/snapshot",
                "x509");
        HttpResponse<String> plain = get("http", address, null, "/commands/snapshot", "x509");

        assertEquals(403, secure.statusCode());
        assertEquals(403, plain.statusCode());
        assertEquals(List.of(CLIENT_SUBJECT), subjects(status.certificateChains.get(0)));
        assertEquals(List.of(), status.certificateChains.get(1), "plain HTTP carries no certificate");
    }

    @Test
    void aCertificateTheClientTrustStoreDoesNotTrustIsNotShownToX509() throws Exception {
        InetSocketAddress address = start(Map.of("admin.forceHttps", "true", "admin.needClientAuth", "true"));
        status.access = AdminAccess.NOT_AUTHENTICATED;

        HttpResponse<String> snapshot = get("https", address, certificates.clientContext(strangerKeys), "/commands/snapshot", "x509");

        assertEquals(401, snapshot.statusCode());
        assertEquals(List.of(List.of()), status.certificateChains);
    }

    @Test
    void withoutNeedClientAuthNoCertificateIsAskedFor() throws Exception {
        InetSocketAddress address = start(Map.of("admin.forceHttps", "true"));
        status.access = AdminAccess.NOT_AUTHENTICATED;

        assertEquals(401, get("https", address, certificates.clientContext(true), "/commands/snapshot", "x509")
                .statusCode());
        assertEquals(List.of(List.of()), status.certificateChains);
    }

    @Test
    void httpsWithoutTheQuorumStoresDoesNotStartAndNamesTheKeys() {
        Map<String, String> properties = Map.of("admin.serverAddress", "127.0.0.1", "admin.serverPort", "0",
                "admin.forceHttps", "true");
        CommandRegistry registry = new CommandRegistry(List.of(new RuokCommand()), () -> status);

        IOException e = assertThrows(IOException.class,
                () -> AdminHttpEndpoint.start(AdminSettings.from(properties), registry, insecureConnections));
        assertEquals("HTTPS on the admin port (admin.forceHttps) needs ssl.quorum.keyStore.location and"
                + " ssl.quorum.trustStore.location", e.getMessage());
    }

    @Test
    void aPemStoreIsRefusedByName() throws Exception {
        Path pem = Files.writeString(certificateFolder.resolve("keys.pem"), "not read");
        IOException e = assertThrows(IOException.class, () -> start(Map.of("admin.forceHttps", "true",
                "ssl.quorum.keyStore.location", pem.toString())));
        assertTrue(e.getMessage().startsWith("ssl.quorum.keyStore is a PEM store"), e.getMessage());
    }

    private static List<String> subjects(List<X509Certificate> chain) {
        return chain.stream().map(c -> c.getSubjectX500Principal().getName()).toList();
    }
}
