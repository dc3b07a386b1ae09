package dev.menagerie.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.security.auth.login.Configuration;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.client.ZKClientConfig;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.server.auth.KerberosName;
import org.apache.zookeeper.server.auth.ProviderRegistry;

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
        return connect(connectString, section, Map.of());
    }

    /** As {@link #connect(String, String)}, with more client properties ({@code zookeeper.server.principal}). */
    static Connected connect(String connectString, String section, Map<String, String> properties)
            throws Exception {
        ZKClientConfig config = new ZKClientConfig();
        config.setProperty(ZKClientConfig.LOGIN_CONTEXT_NAME_KEY, section);
        properties.forEach(config::setProperty);
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

    interface Story {
        List<String> run(String connectString) throws Exception;
    }

    /**
     * Runs {@code story} against Apache (the keys as the {@code zookeeper.<key>} system properties its config parser
     * would set) and against Menagerie (the keys in zoo.cfg), with the JAAS file already installed; asserts both
     * clients saw the same, and returns it.
     */
    static List<String> onBoth(Path dir, Map<String, String> keys, Story story) throws Exception {
        List<String> apache;
        keys.forEach((key, value) -> System.setProperty("zookeeper." + key, value));
        resetApacheStatics(); // Apache reads its providers and auth_to_local rules once per JVM
        try (InJvmApache server = new InJvmApache(dir)) {
            apache = story.run(server.connectString());
        } finally {
            keys.keySet().forEach(key -> System.clearProperty("zookeeper." + key));
            resetApacheStatics();
        }
        List<String> lines = new ArrayList<>();
        keys.forEach((key, value) -> lines.add(key + "=" + value));
        List<String> menagerie;
        Files.createDirectories(dir.resolve("menagerie"));
        try (InJvmMenagerie server = new InJvmMenagerie(dir.resolve("menagerie"), "nio",
                lines.toArray(String[]::new))) {
            menagerie = story.run(server.connectString());
        }
        assertEquals(apache, menagerie, "Menagerie's clients saw what Apache's saw");
        return menagerie;
    }

    private static void resetApacheStatics() throws IOException {
        ProviderRegistry.reset();
        KerberosName.setConfiguration();
    }

    /** The JAAS sections of an ACL story's clients, what the failing one is called, and their client properties. */
    record Cast(String alice, String bob, String failing, String failingLabel, Map<String, String> properties) {
    }

    /** alice protects a node with a {@code sasl:alice} ACL; bob, a client that fails SASL and a plain one read it. */
    static List<String> aclStory(String connectString, Cast cast) throws Exception {
        List<String> seen = new ArrayList<>();
        Connected alice = connect(connectString, cast.alice(), cast.properties());
        seen.add("alice: " + alice.state() + " " + whoAmI(alice.zk()));
        alice.zk().create("/alice-only", "for alice".getBytes(StandardCharsets.UTF_8),
                new ArrayList<>(List.of(new ACL(ZooDefs.Perms.ALL, new Id("sasl", "alice")))),
                CreateMode.PERSISTENT);
        seen.add("alice reads: " + read(alice.zk(), "/alice-only"));
        Connected bob = connect(connectString, cast.bob(), cast.properties());
        seen.add("bob: " + bob.state() + " " + whoAmI(bob.zk()));
        seen.add("bob reads: " + read(bob.zk(), "/alice-only"));
        Connected failing = connect(connectString, cast.failing(), cast.properties());
        seen.add(cast.failingLabel() + ": " + failing.state() + " " + read(failing.zk(), "/alice-only"));
        ZooKeeper plain = connectPlain(connectString);
        seen.add("plain client reads: " + read(plain, "/alice-only"));
        seen.add("alice still reads: " + read(alice.zk(), "/alice-only"));
        closeAll(List.of(alice.zk(), bob.zk(), failing.zk(), plain));
        return seen;
    }

    /** Asserts a Menagerie server in {@code dir/name} with {@code zooCfgLines} refuses to start, in one line. */
    static void assertRefused(Path dir, String expectedMessage, String name, String... zooCfgLines) throws Exception {
        Files.createDirectories(dir.resolve(name));
        Exception refused = assertThrows(Exception.class,
                () -> new InJvmMenagerie(dir.resolve(name), "nio", zooCfgLines).close());
        assertTrue(refused.getMessage().contains(expectedMessage),
                refused.getMessage());
        assertFalse(refused.getMessage().contains("\n"),
                "one line: " + refused.getMessage());
    }
}
