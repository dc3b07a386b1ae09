package dev.menagerie.server.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.testing.Await;
import dev.menagerie.testing.FreePorts;
import dev.menagerie.testing.MetricCounts;
import dev.menagerie.testing.TestCertificates;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.client.ZKClientConfig;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS on secureClientPort with the Netty transport, configured with Apache's ssl.* keys, used by the official
 * client's Netty socket; the client certificate's subject is an x509 identity for ACLs.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SecureClientPortTest {

    @TempDir
    Path dir;

    @Test
    void tlsClientIsServedAndItsCertificateSubjectIsAnX509Identity() throws Exception {
        TestCertificates certs = new TestCertificates(dir);
        int securePort = FreePorts.next();
        String password = new String(TestCertificates.PASSWORD);
        try (InJvmMenagerie server = new InJvmMenagerie(dir, "netty", "serverCnxnFactory=netty",
                "secureClientPort=" + securePort, "secureClientPortAddress=127.0.0.1",
                "ssl.keyStore.location=" + certs.serverKeys, "ssl.keyStore.password=" + password,
                "ssl.keyStore.type=PKCS12", "ssl.trustStore.location=" + certs.serverTrust,
                "ssl.trustStore.password=" + password, "ssl.trustStore.type=PKCS12",
                "authProvider.x509=org.apache.zookeeper.server.auth.X509AuthenticationProvider")) {
            ZooKeeper secure = connectTls("127.0.0.1:" + securePort, certs, password);
            List<ACL> onlyTheClientCertificate = new ArrayList<>(List.of(
                    new ACL(31, new Id("x509", "CN=menagerie-test-client"))));
            secure.create("/secret", "s".getBytes(StandardCharsets.UTF_8), onlyTheClientCertificate,
                    CreateMode.PERSISTENT);
            assertArrayEquals("s".getBytes(StandardCharsets.UTF_8), secure.getData("/secret", false, null));

            ZooKeeper plain = JavaClientSmokeTest.connect(server.connectString(), new LinkedBlockingQueue<>());
            assertEquals(1, MetricCounts.count(server.metrics(), "non_mtls_local_conn_count"),
                    "the plain client from a loopback address; the TLS one is not counted");
            assertEquals(0, MetricCounts.count(server.metrics(), "non_mtls_remote_conn_count"));
            assertThrows(KeeperException.NoAuthException.class, () -> plain.getData("/secret", false, null),
                    "a client without that certificate is refused");
            plain.close();
            secure.close();

            try (Socket notTls = new Socket("127.0.0.1", securePort)) {
                notTls.getOutputStream().write(new byte[] {0, 0, 0, 4, 1, 2, 3, 4});
                assertEquals(-1, notTls.getInputStream().read(), "a client that does not speak TLS is closed");
            }
            Await.untilTrue("mntr's zk_unsuccessful_handshake counts the client without TLS", Await.DEFAULT_TIMEOUT,
                    () -> MetricCounts.count(server.metrics(), "unsuccessful_handshake") == 1);
        }
    }

    private static ZooKeeper connectTls(String connectString, TestCertificates certs, String password)
            throws Exception {
        ZKClientConfig config = new ZKClientConfig();
        config.setProperty(ZKClientConfig.ZOOKEEPER_CLIENT_CNXN_SOCKET, "org.apache.zookeeper.ClientCnxnSocketNetty");
        config.setProperty(ZKClientConfig.SECURE_CLIENT, "true");
        config.setProperty("zookeeper.ssl.keyStore.location", certs.clientKeys.toString());
        config.setProperty("zookeeper.ssl.keyStore.password", password);
        config.setProperty("zookeeper.ssl.keyStore.type", "PKCS12");
        config.setProperty("zookeeper.ssl.trustStore.location", certs.clientTrust.toString());
        config.setProperty("zookeeper.ssl.trustStore.password", password);
        config.setProperty("zookeeper.ssl.trustStore.type", "PKCS12");
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(connectString, 10_000, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        }, config);
        assertTrue(connected.await(20, TimeUnit.SECONDS), "TLS client connected");
        return zk;
    }

}
