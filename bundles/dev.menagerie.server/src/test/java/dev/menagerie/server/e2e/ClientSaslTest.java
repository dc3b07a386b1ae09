package dev.menagerie.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.server.auth.ProviderRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Client SASL (DIGEST-MD5) with Apache's JAAS files, seen through the Apache 3.9.5 Java client: each scenario runs
 * on Apache ZooKeeper 3.9.5 in this JVM and on Menagerie, and what the clients saw must be the same. JAAS
 * configuration and Apache's provider registry are JVM-wide, so this class runs in its own fork (see the pom).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClientSaslTest {
    private static final String SASL_PROVIDER = "org.apache.zookeeper.server.auth.SASLAuthenticationProvider";

    @TempDir
    Path dir;

    @AfterEach
    void forgetJaas() {
        SaslClients.uninstall();
    }

    @Test
    void theRightPasswordGivesASaslIdentityThatAclsAndWhoAmISee() throws Exception {
        Map<String, String> keys = Map.of("authProvider.1", SASL_PROVIDER);
        List<String> menagerie = onBoth(keys, this::aclStory);
        assertEquals(List.of(
                "alice: SaslAuthenticated [ip:127.0.0.1, sasl:alice]",
                "alice reads: data for alice",
                "bob: SaslAuthenticated [ip:127.0.0.1, sasl:bob]",
                "bob reads: NOAUTH",
                "wrong password: AuthFailed AUTHFAILED",
                "plain client reads: NOAUTH",
                "alice still reads: data for alice"), menagerie);
    }

    @Test
    void aSaslSuperUserReadsEverything() throws Exception {
        Map<String, String> keys = Map.of("authProvider.1", SASL_PROVIDER, "superUser", "bob");
        List<String> menagerie = onBoth(keys, this::aclStory);
        assertTrue(menagerie.contains("bob: SaslAuthenticated [ip:127.0.0.1, sasl:bob, super:]"), menagerie::toString);
        assertTrue(menagerie.contains("bob reads: data for alice"), menagerie::toString);
    }

    @Test
    void enforcedSaslRefusesTheRequestsOfAClientThatDidNotAuthenticate() throws Exception {
        Map<String, String> keys = Map.of("authProvider.1", SASL_PROVIDER, "enforce.auth.enabled", "true",
                "enforce.auth.schemes", "sasl");
        List<String> menagerie = onBoth(keys, connectString -> {
            List<String> seen = new ArrayList<>();
            ZooKeeper alice = SaslClients.connect(connectString, SaslClients.ALICE).zk();
            alice.create("/open", "o".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                    CreateMode.PERSISTENT);
            ZooKeeper plain = SaslClients.connectPlain(connectString);
            seen.add("plain client reads: " + SaslClients.read(plain, "/open"));
            seen.add("alice reads: " + SaslClients.read(alice, "/open"));
            SaslClients.closeAll(List.of(alice, plain));
            return seen;
        });
        assertEquals(List.of("plain client reads: SESSIONCLOSEDREQUIRESASLAUTH", "alice reads: data o"), menagerie);
    }

    @Test
    void allowSaslFailedClientsKeepsTheConnectionButTheClientStillGivesUp() throws Exception {
        List<String> menagerie = onBoth(Map.of("allowSaslFailedClients", "true"),
                oneClient(SaslClients.WRONG_PASSWORD));
        // The server answers the failed round with OK and no token; Apache's client then fails on its own side.
        assertEquals(List.of(SaslClients.WRONG_PASSWORD + ": AuthFailed AUTHFAILED"), menagerie);
    }

    @Test
    void withoutTheSaslProviderSaslAclsAreInvalidButTheIdentityIsGained() throws Exception {
        List<String> menagerie = onBoth(Map.of(), connectString -> {
            SaslClients.Connected alice = SaslClients.connect(connectString, SaslClients.ALICE);
            List<String> seen = new ArrayList<>();
            seen.add("alice: " + alice.state() + " " + SaslClients.whoAmI(alice.zk()));
            try {
                alice.zk().create("/x", new byte[0], aliceOnly(), CreateMode.PERSISTENT);
                seen.add("create with sasl ACL: OK");
            } catch (org.apache.zookeeper.KeeperException e) {
                seen.add("create with sasl ACL: " + e.code());
            }
            alice.zk().close();
            return seen;
        });
        assertEquals(List.of("alice: SaslAuthenticated [ip:127.0.0.1, sasl:]", "create with sasl ACL: INVALIDACL"),
                menagerie);
    }

    @Test
    void aServerWithoutItsJaasSectionDoesNotAuthenticate() throws Exception {
        List<String> menagerie = onBoth(Map.of("sasl.serverconfig", "NoSuchSection"), oneClient(SaslClients.ALICE));
        // The server answers OK with no token; Apache's client cannot go on and gives up.
        assertEquals(List.of(SaslClients.ALICE + ": AuthFailed AUTHFAILED"), menagerie);
    }

    @Test
    void kerberosAndUnknownSettingsRefuseTheStart() throws Exception {
        SaslClients.install(SaslClients.writeJaasFile(dir, "Server { com.sun.security.auth.module.Krb5LoginModule"
                + " required useKeyTab=true keyTab=\"/nonexistent\" principal=\"zookeeper/localhost@EXAMPLE\"; };"));
        assertRefused("Kerberos (GSSAPI) client authentication is not supported yet", "kerberos");
        SaslClients.install(SaslClients.writeJaasFile(dir, SaslClients.digestServerSection()));
        // zoo.cfg's parser refuses an unknown provider class first, with the file and line.
        assertRefused("authProvider.1: not supported by Menagerie", "unknown", "authProvider.1=world");
        assertRefused("enforce.auth.schemes names sasl, which is not available", "unavailable",
                "enforce.auth.enabled=true", "enforce.auth.schemes=sasl");
        assertRefused("enforce.auth.enabled is true but enforce.auth.schemes names no scheme", "no-schemes",
                "enforce.auth.enabled=true");
        SaslClients.install(dir.resolve("missing-jaas.conf"));
        assertRefused("No JAAS configuration section named 'Server' was found in '" + dir.resolve("missing-jaas.conf"),
                "missing-file");
    }

    private void assertRefused(String expectedMessage, String name, String... zooCfgLines) throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve(name));
        Exception refused = assertThrows(Exception.class,
                () -> new MenagerieServer(dir.resolve(name), "nio", zooCfgLines).close());
        assertTrue(refused.getMessage().contains(expectedMessage), refused.getMessage());
        assertTrue(!refused.getMessage().contains("\n"), "one line: " + refused.getMessage());
    }

    /** alice protects a node; bob, a wrong password and a plain client try to read it. */
    private List<String> aclStory(String connectString) throws Exception {
        List<String> seen = new ArrayList<>();
        SaslClients.Connected alice = SaslClients.connect(connectString, SaslClients.ALICE);
        seen.add("alice: " + alice.state() + " " + SaslClients.whoAmI(alice.zk()));
        alice.zk().create("/alice-only", "for alice".getBytes(StandardCharsets.UTF_8), aliceOnly(),
                CreateMode.PERSISTENT);
        seen.add("alice reads: " + SaslClients.read(alice.zk(), "/alice-only"));
        SaslClients.Connected bob = SaslClients.connect(connectString, SaslClients.BOB);
        seen.add("bob: " + bob.state() + " " + SaslClients.whoAmI(bob.zk()));
        seen.add("bob reads: " + SaslClients.read(bob.zk(), "/alice-only"));
        SaslClients.Connected wrong = SaslClients.connect(connectString, SaslClients.WRONG_PASSWORD);
        seen.add("wrong password: " + wrong.state() + " " + SaslClients.read(wrong.zk(), "/alice-only"));
        ZooKeeper plain = SaslClients.connectPlain(connectString);
        seen.add("plain client reads: " + SaslClients.read(plain, "/alice-only"));
        seen.add("alice still reads: " + SaslClients.read(alice.zk(), "/alice-only"));
        SaslClients.closeAll(List.of(alice.zk(), bob.zk(), wrong.zk(), plain));
        return seen;
    }

    /** One client of JAAS section {@code section}: how its SASL negotiation ended and what reading / gives it. */
    private static Story oneClient(String section) {
        return connectString -> {
            SaslClients.Connected client = SaslClients.connect(connectString, section);
            List<String> seen = List.of(section + ": " + client.state() + " " + SaslClients.read(client.zk(), "/"));
            client.zk().close();
            return seen;
        };
    }

    private static List<ACL> aliceOnly() {
        return new ArrayList<>(List.of(new ACL(ZooDefs.Perms.ALL, new Id("sasl", "alice"))));
    }

    interface Story {
        List<String> run(String connectString) throws Exception;
    }

    /**
     * Runs {@code story} against Apache (the keys as the {@code zookeeper.<key>} system properties its config parser
     * would set) and against Menagerie (the keys in zoo.cfg), asserts both clients saw the same, and returns it.
     */
    private List<String> onBoth(Map<String, String> keys, Story story) throws Exception {
        SaslClients.install(SaslClients.writeJaasFile(dir, SaslClients.digestServerSection()));
        List<String> apache;
        keys.forEach((key, value) -> System.setProperty("zookeeper." + key, value));
        ProviderRegistry.reset(); // Apache reads zookeeper.authProvider.* once per JVM
        try (ApacheServer server = new ApacheServer(dir)) {
            apache = story.run(server.connectString());
        } finally {
            keys.keySet().forEach(key -> System.clearProperty("zookeeper." + key));
            ProviderRegistry.reset();
        }
        List<String> lines = new ArrayList<>();
        keys.forEach((key, value) -> lines.add(key + "=" + value));
        List<String> menagerie;
        java.nio.file.Files.createDirectories(dir.resolve("menagerie"));
        try (MenagerieServer server = new MenagerieServer(dir.resolve("menagerie"), "nio",
                lines.toArray(String[]::new))) {
            menagerie = story.run(server.connectString());
        }
        assertEquals(apache, menagerie, "Menagerie's clients saw what Apache's saw");
        return menagerie;
    }
}
