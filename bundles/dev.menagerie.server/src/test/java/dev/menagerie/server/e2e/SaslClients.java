package dev.menagerie.server.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.security.auth.login.Configuration;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.client.ZKClientConfig;

/**
 * Apache 3.9.5 Java clients that authenticate with DIGEST-MD5, and the JVM-wide JAAS file they (and the servers)
 * read. JAAS configuration is global to the JVM: install it before starting servers and clients, and
 * {@link #uninstall} it afterwards.
 */
final class SaslClients {
    static final String ALICE = "ClientAlice";
    static final String BOB = "ClientBob";
    static final String WRONG_PASSWORD = "ClientWrongPassword";

    private SaslClients() {
    }

    /** A JAAS file in Apache's format: the server's users, one client section per identity. */
    static Path writeJaasFile(Path dir, String serverSection) throws Exception {
        String digest = "org.apache.zookeeper.server.auth.DigestLoginModule required";
        Path file = dir.resolve("jaas.conf");
        Files.writeString(file, serverSection + "\n"
                + ALICE + " { " + digest + " username=\"alice\" password=\"alice-secret\"; };\n"
                + BOB + " { " + digest + " username=\"bob\" password=\"bob-secret\"; };\n"
                + WRONG_PASSWORD + " { " + digest + " username=\"alice\" password=\"guessed\"; };\n");
        return file;
    }

    static String digestServerSection() {
        return "Server { org.apache.zookeeper.server.auth.DigestLoginModule required"
                + " user_alice=\"alice-secret\" user_bob=\"bob-secret\"; };";
    }

    static void install(Path jaasFile) {
        System.setProperty("java.security.auth.login.config", jaasFile.toString());
        Configuration.setConfiguration(null); // read the file again on next use
    }

    static void uninstall() {
        System.clearProperty("java.security.auth.login.config");
        Configuration.setConfiguration(null);
    }

    /** A client that authenticates with the JAAS section {@code section}; returns once SASL succeeded or failed. */
    static Connected connect(String connectString, String section) throws Exception {
        ZKClientConfig config = new ZKClientConfig();
        config.setProperty(ZKClientConfig.LOGIN_CONTEXT_NAME_KEY, section);
        // Finding: Apache 3.9's zookeeper.fips-mode defaults to true and makes its SASL *client* refuse DIGEST-MD5
        // ("will not use DIGEST-MD5 as SASL mechanism, because FIPS mode is enabled"); servers, Apache's and ours,
        // accept DIGEST-MD5 regardless. So DIGEST-MD5 clients must set fips-mode=false.
        config.setProperty("zookeeper.fips-mode", "false");
        CompletableFuture<KeeperState> outcome = new CompletableFuture<>();
        ZooKeeper zk = new ZooKeeper(connectString, 10_000, event -> {
            KeeperState state = event.getState();
            if (state == KeeperState.SaslAuthenticated || state == KeeperState.AuthFailed) {
                outcome.complete(state);
            }
        }, config);
        return new Connected(zk, outcome.get(20, TimeUnit.SECONDS));
    }

    /** A client without SASL, though the JVM has a JAAS file. */
    static ZooKeeper connectPlain(String connectString) throws Exception {
        ZKClientConfig config = new ZKClientConfig();
        config.setProperty(ZKClientConfig.ENABLE_CLIENT_SASL_KEY, "false");
        CompletableFuture<Void> connected = new CompletableFuture<>();
        ZooKeeper zk = new ZooKeeper(connectString, 10_000, event -> {
            if (event.getState() == KeeperState.SyncConnected) {
                connected.complete(null);
            }
        }, config);
        connected.get(20, TimeUnit.SECONDS);
        return zk;
    }

    record Connected(ZooKeeper zk, KeeperState state) {
    }

    /** whoAmI as {@code scheme:user} strings, sorted (the servers list ids in the order they were gained). */
    static String whoAmI(ZooKeeper zk) {
        try {
            return zk.whoAmI().stream().map(info -> info.getAuthScheme() + ":" + info.getUser()).sorted()
                    .collect(Collectors.toList()).toString();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** The node's data, or the error code name the read failed with. */
    static String read(ZooKeeper zk, String path) {
        try {
            return "data " + new String(zk.getData(path, false, null), StandardCharsets.UTF_8);
        } catch (KeeperException e) {
            return e.code().name();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    static void closeAll(List<ZooKeeper> clients) throws InterruptedException {
        for (ZooKeeper zk : clients) {
            zk.close();
        }
    }
}
