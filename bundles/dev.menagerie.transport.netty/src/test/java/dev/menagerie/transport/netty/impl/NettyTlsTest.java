package dev.menagerie.transport.netty.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.config.HostPort;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.transport.Connection;
import dev.menagerie.api.transport.TransportSettings;
import dev.menagerie.testing.Await;
import dev.menagerie.testing.Components;
import dev.menagerie.testing.MetricCounts;
import dev.menagerie.testing.TestCertificates;
import dev.menagerie.transport.contract.RecordingHandler;
import dev.menagerie.transport.contract.TestClient;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The secure client port: TLS with the key and trust stores of the settings, beside the plain port. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NettyTlsTest {

    private static final int MAX_FRAME_BYTES = 1024 * 1024;

    @TempDir
    static Path storeDir;
    private static TestCertificates certificates;

    private final MetricsRegistry metrics = Components.create(MetricsRegistry.class).service();
    private final NettyServerCnxnFactory factory = new NettyServerCnxnFactory(metrics);
    private RecordingHandler handler;

    @BeforeAll
    static void makeCertificates() throws Exception {
        certificates = new TestCertificates(storeDir);
    }

    @BeforeEach
    void newHandler() {
        handler = new RecordingHandler();
    }

    @AfterEach
    void stop() {
        factory.stop();
    }

    private void start(TransportSettings.Tls tls) throws IOException {
        factory.start(new TransportSettings(new HostPort("127.0.0.1", 0), new HostPort("127.0.0.1", 0),
                MAX_FRAME_BYTES, tls), handler);
    }

    @Test
    void frameRoundTripOverTlsCarriesTheClientCertificate() throws Exception {
        start(certificates.serverTls(true));
        try (TlsTestClient client = new TlsTestClient(certificates.clientContext(true), factory.boundSecureAddress())) {
            byte[] payload = "hello over TLS".getBytes(StandardCharsets.UTF_8);
            client.sendFrame(payload);
            assertArrayEquals(payload, client.readFrame());
            Connection connection = handler.open.iterator().next();
            X509Certificate peer = (X509Certificate) connection.peerCertificates().get(0);
            assertEquals("CN=menagerie-test-client", peer.getSubjectX500Principal().getName());
        }
    }

    @Test
    void plainPortIsServedBesideTheSecurePort() throws Exception {
        start(certificates.serverTls(true));
        assertNotEquals(factory.boundAddress().getPort(), factory.boundSecureAddress().getPort());
        try (TestClient client = new TestClient(factory.boundAddress())) {
            client.sendFrame(new byte[] {4, 2});
            assertArrayEquals(new byte[] {4, 2}, client.readFrame());
            assertTrue(handler.open.iterator().next().peerCertificates().isEmpty());
        }
    }

    @Test
    void fourLetterWordIsAnsweredOverTls() throws Exception {
        start(certificates.serverTls(true));
        try (TlsTestClient client = new TlsTestClient(certificates.clientContext(true), factory.boundSecureAddress())) {
            client.sendRaw("srvr".getBytes(StandardCharsets.US_ASCII));
            assertEquals("answer to srvr\n", new String(client.readToEnd(), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void clientWithoutCertificateIsRefusedByTheHandshakeWhenOneIsRequired() throws Exception {
        start(certificates.serverTls(true));
        // With TLS 1.3 the client learns of the refusal only when it next reads, so it tries a full exchange.
        assertThrows(IOException.class, () -> {
            try (TlsTestClient client = new TlsTestClient(certificates.clientContext(false),
                    factory.boundSecureAddress())) {
                client.sendFrame(new byte[] {1});
                client.readFrame();
            }
        });
        try (TlsTestClient trusted = new TlsTestClient(certificates.clientContext(true),
                factory.boundSecureAddress())) {
            trusted.sendFrame(new byte[] {2});
            assertArrayEquals(new byte[] {2}, trusted.readFrame());
        }
        assertEquals(1, handler.events.stream().filter("connected"::equals).count(),
                "only the client with a certificate reached the server");
        Await.untilTrue("Apache's unsuccessful_handshake counts the refused client", Await.DEFAULT_TIMEOUT,
                () -> MetricCounts.count(metrics, "unsuccessful_handshake") == 1);
    }

    @Test
    void handshakesBeyondTheOutstandingLimitAreClosedAndCounted() throws Exception {
        System.setProperty(HandshakeLimit.PROPERTY, "1");
        try {
            start(certificates.serverTls(true));
        } finally {
            System.clearProperty(HandshakeLimit.PROPERTY);
        }
        try (Socket silent = new Socket()) {
            // Connected, and never says hello: its handshake stays in progress and holds the only place.
            silent.connect(factory.boundSecureAddress(), 5_000);
            Await.untilTrue("the silent client's handshake to count", Await.DEFAULT_TIMEOUT,
                    () -> factory.outstandingTlsHandshakes() == 1);
            try (Socket refused = new Socket()) {
                refused.connect(factory.boundSecureAddress(), 5_000);
                refused.setSoTimeout(10_000);
                assertEquals(-1, refused.getInputStream().read(), "the second connection is closed at once");
            }
            assertEquals(1, MetricCounts.count(metrics, "tls_handshake_exceeded"));
        }
        Await.untilTrue("the closed connection's place to be freed", Await.DEFAULT_TIMEOUT,
                () -> factory.outstandingTlsHandshakes() == 0);
        try (TlsTestClient client = new TlsTestClient(certificates.clientContext(true), factory.boundSecureAddress())) {
            client.sendFrame(new byte[] {7});
            assertArrayEquals(new byte[] {7}, client.readFrame());
        }
        assertEquals(0, factory.outstandingTlsHandshakes(), "a finished handshake frees its place");
        assertEquals(1, MetricCounts.count(metrics, "tls_handshake_exceeded"));
    }

    @Test
    void clientWithoutCertificateIsServedWhenNoneIsRequired() throws Exception {
        start(certificates.serverTls(false));
        try (TlsTestClient client = new TlsTestClient(certificates.clientContext(false),
                factory.boundSecureAddress())) {
            client.sendFrame(new byte[] {3});
            assertArrayEquals(new byte[] {3}, client.readFrame());
            assertTrue(handler.open.iterator().next().peerCertificates().isEmpty());
        }
    }

    @Test
    void unreadableKeyStoreFailsTheStartAndLeavesTheFactoryStartable() throws Exception {
        TransportSettings.Tls missing = new TransportSettings.Tls(storeDir.resolve("no-such-store.p12"),
                TestCertificates.PASSWORD, "PKCS12", null, null, null, false);
        IOException refused = assertThrows(IOException.class, () -> start(missing));
        assertTrue(refused.getMessage().contains("no-such-store.p12"), refused.getMessage());
        assertEquals(null, factory.boundAddress());
        start(certificates.serverTls(false));
        assertNotNull(factory.boundSecureAddress());
    }
}
