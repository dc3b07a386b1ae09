package dev.menagerie.server.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.menagerie.testing.FreePorts;
import dev.menagerie.testing.PemExport;
import dev.menagerie.testing.TestCertificates;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.ClientInfo;
import org.apache.zookeeper.data.Id;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a TLS client of Apache ZooKeeper 3.9.5 sees on the client ports, seen with Apache's own Java client:
 * the certificate subject is an {@code x509} identity without any authProvider setting, {@code ssl.clientAuth}
 * decides who gets in, bad certificates and plaintext clients are turned away without hurting others, and the
 * stores may be PEM files, replaced on disk, or served on the plain port ({@code client.portUnification}).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClientTlsParityTest {

    private static final long REFUSED_WAIT_MS = 3_000;
    private static final long CONNECT_WAIT_MS = 15_000;
    private static final String CLIENT_SUBJECT = "CN=menagerie-test-client";

    @TempDir
    static Path certDir;
    static TestCertificates certs;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeCertificates() throws Exception {
        certs = new TestCertificates(certDir);
    }

    /** A Netty server with TLS on {@code securePort}; each {@code key=value} line adds or replaces a setting. */
    private InJvmMenagerie server(int securePort, String... settings) throws Exception {
        Map<String, String> lines = new LinkedHashMap<>();
        for (String line : List.of("serverCnxnFactory=netty", "secureClientPort=" + securePort,
                "secureClientPortAddress=127.0.0.1", "ssl.keyStore.location=" + certs.serverKeys,
                "ssl.keyStore.password=changeit", "ssl.trustStore.location=" + certs.serverTrust,
                "ssl.trustStore.password=changeit")) {
            lines.put(line.substring(0, line.indexOf('=')), line);
        }
        for (String line : settings) {
            lines.put(line.substring(0, line.indexOf('=')), line);
        }
        return new InJvmMenagerie(dir, "netty", lines.values().toArray(String[]::new));
    }

    private static Map<String, String> withCertificate() {
        return TlsClients.settings(certs.clientKeys, certs.clientTrust);
    }

    private static Map<String, String> withoutCertificate() {
        return TlsClients.settings(null, certs.clientTrust);
    }

    /** In Apache's order: its connection keeps ids in a hash set, which lists these two x509 first. */
    private static final List<String> IP_AND_X509 = List.of("x509:" + CLIENT_SUBJECT, "ip:127.0.0.1");

    private static List<String> whoAmI(ZooKeeper zk) throws Exception {
        List<String> ids = new ArrayList<>();
        for (ClientInfo info : zk.whoAmI()) {
            ids.add(info.getAuthScheme() + ":" + info.getUser());
        }
        return ids;
    }

    @Test
    void certificateSubjectIsAnX509IdentityWithoutAnyAuthProviderSetting() throws Exception {
        int securePort = FreePorts.next();
        try (InJvmMenagerie ignored = server(securePort)) {
            ZooKeeper zk = TlsClients.connect("127.0.0.1:" + securePort, withCertificate(), CONNECT_WAIT_MS);
            assertNotNull(zk, "a client with a trusted certificate is served");
            assertEquals(IP_AND_X509, whoAmI(zk));
            zk.create("/mine", new byte[] {1}, new ArrayList<>(List.of(new ACL(ZooDefs.Perms.ALL,
                    new Id("x509", CLIENT_SUBJECT)))), CreateMode.PERSISTENT);
            assertArrayEquals(new byte[] {1}, zk.getData("/mine", false, null));
            zk.close();
        }
    }

    @Test
    void clientWithoutCertificateIsRefusedByDefaultAndServedWithClientAuthNoneOrWant() throws Exception {
        int securePort = FreePorts.next();
        try (InJvmMenagerie ignored = server(securePort)) {
            assertNull(TlsClients.connect("127.0.0.1:" + securePort, withoutCertificate(), REFUSED_WAIT_MS),
                    "ssl.clientAuth defaults to need");
        }
        for (String mode : List.of("none", "want")) {
            try (InJvmMenagerie ignored = server(securePort, "ssl.clientAuth=" + mode)) {
                ZooKeeper zk = TlsClients.connect("127.0.0.1:" + securePort, withoutCertificate(), CONNECT_WAIT_MS);
                assertNotNull(zk, "served with ssl.clientAuth=" + mode);
                assertEquals(List.of("ip:127.0.0.1"), whoAmI(zk), "no certificate, no x509 identity");
                zk.close();
                ZooKeeper withCert = TlsClients.connect("127.0.0.1:" + securePort, withCertificate(),
                        CONNECT_WAIT_MS);
                // With none the server never asks for the certificate, so the client cannot be identified by it.
                assertEquals(mode.equals("want") ? IP_AND_X509
                        : List.of("ip:127.0.0.1"), whoAmI(withCert));
                withCert.close();
            }
        }
    }

    @Test
    void untrustedExpiredAndPlaintextClientsAreRefusedWhileAnotherClientKeepsWorking() throws Exception {
        Path stranger = certs.newKeyPair("stranger", "CN=stranger", null, null);
        Path ca = certs.newCertificateAuthority("test-ca", "CN=test-ca");
        Path expired = certs.newSignedKeyPair("expired", "CN=expired", ca, "-10d");
        int securePort = FreePorts.next();
        // A trusted self-signed certificate is a trust anchor, whose dates PKIX does not check: the expired one is
        // signed by a trusted CA instead.
        try (InJvmMenagerie server = server(securePort,
                "ssl.trustStore.location=" + TestCertificates.trustStoreOf(certDir.resolve("with-ca.p12"),
                        TestCertificates.certificateOf(certs.clientKeys), TestCertificates.certificateOf(ca)))) {
            ZooKeeper good = TlsClients.connect("127.0.0.1:" + securePort, withCertificate(), CONNECT_WAIT_MS);
            good.create("/alive", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            assertNull(TlsClients.connect("127.0.0.1:" + securePort, TlsClients.settings(stranger, certs.clientTrust),
                    REFUSED_WAIT_MS), "a certificate the trust store does not vouch for is refused");
            assertNull(TlsClients.connect("127.0.0.1:" + securePort, TlsClients.settings(expired, certs.clientTrust),
                    REFUSED_WAIT_MS), "an expired certificate is refused although a trusted CA signed it");
            assertClosesPlaintextConnection(securePort);
            assertNull(TlsClients.connect("127.0.0.1:" + securePort, Map.of("zookeeper.client.secure", "false"),
                    REFUSED_WAIT_MS), "a plaintext ZooKeeper client is not served");
            assertNotNull(good.exists("/alive", false), "the trusted client kept its session throughout");
            ZooKeeper plain = JavaClientSmokeTest.connect(server.connectString(), new LinkedBlockingQueue<>());
            assertNotNull(plain.exists("/alive", false), "the plain port serves plaintext clients");
            plain.close();
            good.close();
        }
    }

    @Test
    void tls12ClientIsRefusedWhenOnlyTls13IsEnabled() throws Exception {
        int securePort = FreePorts.next();
        Map<String, String> tls12 = new HashMap<>(withCertificate());
        tls12.put("zookeeper.ssl.protocol", "TLSv1.2");
        tls12.put("zookeeper.ssl.enabledProtocols", "TLSv1.2");
        try (InJvmMenagerie ignored = server(securePort, "ssl.enabledProtocols=TLSv1.3")) {
            assertNull(TlsClients.connect("127.0.0.1:" + securePort, tls12, REFUSED_WAIT_MS));
        }
        try (InJvmMenagerie ignored = server(securePort, "ssl.enabledProtocols=TLSv1.2,TLSv1.3",
                "ssl.ciphersuites=TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_AES_128_GCM_SHA256")) {
            ZooKeeper zk = TlsClients.connect("127.0.0.1:" + securePort, tls12, CONNECT_WAIT_MS);
            assertNotNull(zk, "served once TLSv1.2 is enabled");
            zk.close();
        }
    }

    @Test
    void pemStoresWork() throws Exception {
        Path keys = PemExport.keyStore(certs.serverKeys, certDir.resolve("server-keys.pem"));
        Path trust = PemExport.trustStore(certDir.resolve("server-trust.pem"),
                TestCertificates.certificateOf(certs.clientKeys));
        int securePort = FreePorts.next();
        // No ssl.*.type: inferred from the .pem extension, as Apache does.
        try (InJvmMenagerie ignored = server(securePort, "ssl.keyStore.location=" + keys,
                "ssl.keyStore.password=", "ssl.trustStore.location=" + trust, "ssl.trustStore.password=")) {
            ZooKeeper zk = TlsClients.connect("127.0.0.1:" + securePort, withCertificate(), CONNECT_WAIT_MS);
            assertNotNull(zk);
            assertEquals(IP_AND_X509, whoAmI(zk));
            zk.close();
        }
    }

    @Test
    void portUnificationServesPlaintextAndTlsClientsOnTheClientPort() throws Exception {
        int securePort = FreePorts.next();
        try (InJvmMenagerie server = server(securePort, "client.portUnification=true")) {
            ZooKeeper plain = JavaClientSmokeTest.connect(server.connectString(), new LinkedBlockingQueue<>());
            ZooKeeper tls = TlsClients.connect(server.connectString(), withCertificate(), CONNECT_WAIT_MS);
            assertNotNull(tls, "a TLS client is served on the plain port");
            assertEquals(List.of("ip:127.0.0.1"), whoAmI(plain));
            assertEquals(IP_AND_X509, whoAmI(tls));
            assertEquals("imok", fourLetterWord(server.port(), "ruok"));
            plain.close();
            tls.close();
        }
    }

    @Test
    void replacedKeyStoreIsUsedByNewConnections() throws Exception {
        Path fresh = certs.newKeyPair("fresh-server", "CN=fresh-server", "ip:127.0.0.1,dns:localhost", null);
        Path trustsOnlyFresh = TestCertificates.trustStoreOf(certDir.resolve("trusts-fresh.p12"),
                TestCertificates.certificateOf(fresh));
        Path live = dir.resolve("live-keys.p12");
        Files.copy(certs.serverKeys, live);
        int securePort = FreePorts.next();
        Map<String, String> freshClient = TlsClients.settings(certs.clientKeys, trustsOnlyFresh);
        try (InJvmMenagerie ignored = server(securePort, "ssl.keyStore.location=" + live)) {
            ZooKeeper old = TlsClients.connect("127.0.0.1:" + securePort, withCertificate(), CONNECT_WAIT_MS);
            assertNull(TlsClients.connect("127.0.0.1:" + securePort, freshClient, REFUSED_WAIT_MS),
                    "the client trusts only the certificate not yet installed");
            Path staged = dir.resolve("staged.p12");
            Files.copy(fresh, staged);
            Files.move(staged, live, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            ZooKeeper renewed = TlsClients.connect("127.0.0.1:" + securePort, freshClient, CONNECT_WAIT_MS);
            assertNotNull(renewed, "a new connection is served with the replaced key store");
            assertNotNull(old.exists("/", false), "the connection made before the change keeps working");
            renewed.close();
            old.close();
        }
    }

    /** A plaintext ConnectRequest on a TLS port: the server closes the connection (after a TLS alert, if any). */
    private static void assertClosesPlaintextConnection(int port) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(new byte[] {0, 0, 0, 44, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x75, 0x30});
            out.write(new byte[24]);
            out.flush();
            socket.getInputStream().readAllBytes(); // a read timeout here fails the test
        } catch (SocketException reset) {
            // closed with a reset: also closed
        }
    }

    private static String fourLetterWord(int port, String word) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(word.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
