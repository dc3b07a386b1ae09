package dev.menagerie.quorum.impl.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.election.PeerSockets;
import dev.menagerie.testing.PeerCertificates;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Quorum TLS over loopback: what a peer that dials and a peer that accepts see with each setting. */
class TlsPeerSocketsTest {

    private static final byte[] GREETING = "election handshake bytes".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    static Path dir;
    private static PeerCertificates certificates;
    private static Path server1;
    private static Path server2;
    private static Path stranger;

    @BeforeAll
    static void makeCertificates() throws Exception {
        certificates = new PeerCertificates(dir);
        server1 = certificates.identity("server1", true);
        server2 = certificates.identity("server2", true);
        stranger = certificates.identity("stranger", false);
    }

    @Test
    void trustedPeersShakeHandsAndBothPresentCertificates() throws Exception {
        PeerSockets listening = sockets(server1, Map.of());
        PeerSockets dialling = sockets(server2, Map.of());
        try (ServerSocket listener = listener()) {
            CompletableFuture<PeerSockets.Accepted> accepted = acceptOne(listener, listening);
            try (Socket dialled = dial(listener, dialling)) {
                dialled.getOutputStream().write(GREETING);
                dialled.getOutputStream().flush();
                PeerSockets.Accepted in = accepted.get(10, TimeUnit.SECONDS);
                assertArrayEquals(GREETING, in.in().readNBytes(GREETING.length), "bytes arrive as sent");
                SSLSocket tls = assertInstanceOf(SSLSocket.class, in.socket());
                assertEquals("CN=server2", tls.getSession().getPeerPrincipal().getName(),
                        "the dialling peer had to present its certificate (clientAuth need)");
                assertEquals("CN=server1", ((SSLSocket) dialled).getSession().getPeerPrincipal().getName());
                in.socket().close();
            }
        }
    }

    @Test
    void aPeerWithAnUntrustedCertificateIsRefusedOnBothSides() throws Exception {
        PeerSockets listening = sockets(server1, Map.of());
        PeerSockets intruder = sockets(stranger, Map.of());
        try (ServerSocket listener = listener()) {
            CompletableFuture<PeerSockets.Accepted> accepted = acceptOne(listener, listening);
            assertThrows(IOException.class, () -> dialAndRead(listener, intruder));
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> accepted.get(10, TimeUnit.SECONDS));
            assertInstanceOf(SSLException.class, refused.getCause());
        }
        try (ServerSocket listener = listener()) {
            acceptOne(listener, sockets(stranger, Map.of()));
            SSLException e = assertThrows(SSLException.class, () -> dial(listener, listening).close(),
                    "a listener we do not trust is not talked to either");
            assertTrue(e.getMessage().contains("TLS handshake with"), e.getMessage());
        }
    }

    @Test
    void aPlaintextPeerIsRefusedOnATlsOnlyPort() throws Exception {
        try (ServerSocket listener = listener()) {
            CompletableFuture<PeerSockets.Accepted> accepted = acceptOne(listener, sockets(server1, Map.of()));
            try (Socket plain = dial(listener, PeerSockets.PLAINTEXT)) {
                plain.getOutputStream().write(GREETING);
                ExecutionException refused = assertThrows(ExecutionException.class,
                        () -> accepted.get(10, TimeUnit.SECONDS));
                assertTrue(refused.getCause().getMessage().contains("plaintext connection on a TLS-only port"),
                        refused.getCause().getMessage());
            }
        }
    }

    @Test
    void portUnificationAcceptsTlsAndPlaintextAndDialsPlaintextUntilSslQuorum() throws Exception {
        PeerSockets unified = sockets(server1, Map.of("sslQuorum", "false", "portUnification", "true"));
        try (ServerSocket listener = listener()) {
            CompletableFuture<PeerSockets.Accepted> accepted = acceptOne(listener, unified);
            try (Socket plain = dial(listener, unified)) {
                assertFalse(plain instanceof SSLSocket, "portUnification alone still dials plaintext");
                plain.getOutputStream().write(GREETING);
                PeerSockets.Accepted in = accepted.get(10, TimeUnit.SECONDS);
                assertFalse(in.socket() instanceof SSLSocket);
                assertArrayEquals(GREETING, in.in().readNBytes(GREETING.length),
                        "the bytes read to tell plaintext from TLS are not lost");
                in.socket().close();
            }
            accepted = acceptOne(listener, unified);
            try (Socket tls = dial(listener, sockets(server2, Map.of()))) {
                tls.getOutputStream().write(GREETING);
                tls.getOutputStream().flush();
                PeerSockets.Accepted in = accepted.get(10, TimeUnit.SECONDS);
                assertInstanceOf(SSLSocket.class, in.socket());
                assertArrayEquals(GREETING, in.in().readNBytes(GREETING.length));
                in.socket().close();
            }
        }
    }

    @Test
    void pemStoresAreReadWithTheTypeTakenFromTheExtension() throws Exception {
        Path keys = dir.resolve("server2.pem");
        Path trust = dir.resolve("trust.pem");
        PeerCertificates.writePemKeyStore(server2, keys);
        PeerCertificates.writePemTrustStore(certificates.trustStore(), trust);
        Map<String, String> pem = new HashMap<>(config(keys));
        pem.put("ssl.quorum.keyStore.password", "");
        pem.put("ssl.quorum.trustStore.location", trust.toString());
        pem.remove("ssl.quorum.trustStore.password");
        try (ServerSocket listener = listener()) {
            CompletableFuture<PeerSockets.Accepted> accepted = acceptOne(listener, sockets(server1, Map.of()));
            try (Socket dialled = dial(listener, TlsPeerSockets.of(QuorumTlsSettings.from(pem)))) {
                assertEquals("CN=server2", ((SSLSocket) accepted.get(10, TimeUnit.SECONDS).socket()).getSession()
                        .getPeerPrincipal().getName());
            }
        }
    }

    @Test
    void withReloadCertFilesANewConnectionUsesTheReplacedKeyStore() throws Exception {
        Path keys = dir.resolve("reloaded.p12");
        Files.copy(server2, keys, StandardCopyOption.REPLACE_EXISTING);
        PeerSockets dialling = sockets(keys, Map.of("sslQuorumReloadCertFiles", "true"));
        PeerSockets listening = sockets(server1, Map.of());
        try (ServerSocket listener = listener()) {
            CompletableFuture<PeerSockets.Accepted> accepted = acceptOne(listener, listening);
            dial(listener, dialling).close();
            accepted.get(10, TimeUnit.SECONDS).socket().close();

            Files.copy(stranger, keys, StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(keys, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
            CompletableFuture<PeerSockets.Accepted> refused = acceptOne(listener, listening);
            assertThrows(IOException.class, () -> dialAndRead(listener, dialling));
            assertThrows(ExecutionException.class, () -> refused.get(10, TimeUnit.SECONDS),
                    "the new connection presented the new, untrusted certificate");
        }
    }

    @Test
    void aStoreTypeIsTakenFromTheSettingOrElseTheExtension() {
        IOException unknown = assertThrows(IOException.class,
                () -> QuorumTlsSettings.from(config(dir.resolve("keys.store"))));
        assertTrue(unknown.getMessage().contains("ssl.quorum.keyStore.type"), unknown.getMessage());
        Map<String, String> typed = new HashMap<>(config(dir.resolve("keys.store")));
        typed.put("ssl.quorum.keyStore.type", "pkcs12");
        assertEquals(StoreType.PKCS12, assertDoesNotThrowSettings(typed).keyStore().type());
    }

    @Test
    void aZookeeperSystemPropertyStandsInForAKeyZooCfgDoesNotSet() throws IOException {
        System.setProperty("zookeeper.ssl.quorum.clientAuth", "want");
        try {
            assertEquals(QuorumTlsSettings.ClientAuth.WANT, QuorumTlsSettings.from(config(server1)).clientAuth());
            Map<String, String> file = new HashMap<>(config(server1));
            file.put("ssl.quorum.clientAuth", "none");
            assertEquals(QuorumTlsSettings.ClientAuth.NONE, QuorumTlsSettings.from(file).clientAuth(),
                    "zoo.cfg wins");
        } finally {
            System.clearProperty("zookeeper.ssl.quorum.clientAuth");
        }
        assertEquals(QuorumTlsSettings.ClientAuth.NEED, QuorumTlsSettings.from(config(server1)).clientAuth(),
                "Apache's quorum default");
    }

    private static QuorumTlsSettings assertDoesNotThrowSettings(Map<String, String> config) {
        try {
            return QuorumTlsSettings.from(config);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, String> config(Path keyStore) {
        return Map.of("sslQuorum", "true",
                "ssl.quorum.keyStore.location", keyStore.toString(),
                "ssl.quorum.keyStore.password", PeerCertificates.PASSWORD,
                "ssl.quorum.trustStore.location", certificates.trustStore().toString(),
                "ssl.quorum.trustStore.password", PeerCertificates.PASSWORD);
    }

    private static PeerSockets sockets(Path keyStore, Map<String, String> overrides) throws IOException {
        Map<String, String> all = new HashMap<>(config(keyStore));
        all.putAll(overrides);
        return TlsPeerSockets.of(QuorumTlsSettings.from(all));
    }

    private static ServerSocket listener() throws IOException {
        return new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    }

    private static CompletableFuture<PeerSockets.Accepted> acceptOne(ServerSocket listener, PeerSockets sockets) {
        return CompletableFuture.supplyAsync(() -> {
            Socket raw = null;
            try {
                raw = listener.accept();
                raw.setSoTimeout(5_000);
                return sockets.accepted(raw);
            } catch (IOException e) {
                closeQuietly(raw);
                throw new java.util.concurrent.CompletionException(e);
            }
        });
    }

    /**
     * Dials and reads: with TLS 1.3 the dialling side completes its handshake before the listener checks the
     * dialler's certificate, so a refusal reaches it as the failure of its first read.
     */
    private static void dialAndRead(ServerSocket listener, PeerSockets sockets) throws IOException {
        try (Socket socket = dial(listener, sockets)) {
            socket.getInputStream().read();
        }
    }

    private static Socket dial(ServerSocket listener, PeerSockets sockets) throws IOException {
        Socket raw = new Socket();
        try {
            raw.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort()), 5_000);
            raw.setSoTimeout(5_000);
            return sockets.dialled(raw);
        } catch (IOException e) {
            raw.close();
            throw e;
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // a refused test connection
        }
    }
}
