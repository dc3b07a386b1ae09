package dev.menagerie.server.e2e;

import dev.menagerie.testing.TestCertificates;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.client.ZKClientConfig;

/** Apache's Java client over TLS (its Netty socket and {@code zookeeper.ssl.*} client settings). */
final class TlsClients {

    private TlsClients() {
    }

    /** The client settings of one TLS client: PKCS12 stores, as {@link TestCertificates} makes them. */
    static Map<String, String> settings(Path keyStore, Path trustStore) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (keyStore != null) {
            settings.put("zookeeper.ssl.keyStore.location", keyStore.toString());
            settings.put("zookeeper.ssl.keyStore.password", new String(TestCertificates.PASSWORD));
        }
        settings.put("zookeeper.ssl.trustStore.location", trustStore.toString());
        settings.put("zookeeper.ssl.trustStore.password", new String(TestCertificates.PASSWORD));
        return settings;
    }

    /** A connected client, or null (the attempt closed) when the server did not let it in within {@code waitMs}. */
    static ZooKeeper connect(String connectString, Map<String, String> settings, long waitMs) throws Exception {
        ZKClientConfig config = new ZKClientConfig();
        config.setProperty(ZKClientConfig.ZOOKEEPER_CLIENT_CNXN_SOCKET, "org.apache.zookeeper.ClientCnxnSocketNetty");
        config.setProperty(ZKClientConfig.SECURE_CLIENT, "true");
        settings.forEach(config::setProperty);
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(connectString, 10_000, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        }, config);
        if (connected.await(waitMs, TimeUnit.MILLISECONDS)) {
            return zk;
        }
        zk.close();
        return null;
    }
}
