package dev.menagerie.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    private static final SaslClients.Cast DIGEST_CAST = new SaslClients.Cast(SaslClients.ALICE, SaslClients.BOB,
            SaslClients.WRONG_PASSWORD, "wrong password", Map.of());

    @TempDir
    Path dir;

    @AfterEach
    void forgetJaas() {
        SaslClients.uninstall();
    }

    @Test
    void theRightPasswordGivesASaslIdentityThatAclsAndWhoAmISee() throws Exception {
        Map<String, String> keys = Map.of("authProvider.1", SASL_PROVIDER);
        List<String> menagerie = onBoth(keys, connectString -> SaslClients.aclStory(connectString, DIGEST_CAST));
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
        List<String> menagerie = onBoth(keys, connectString -> SaslClients.aclStory(connectString, DIGEST_CAST));
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
    void aFailedKerberosLoginAndUnknownSettingsRefuseTheStart() throws Exception {
        SaslClients.install(SaslClients.writeJaasFile(dir, "Server { com.sun.security.auth.module.Krb5LoginModule"
                + " required useKeyTab=true keyTab=\"/nonexistent\" principal=\"zookeeper/localhost@EXAMPLE\"; };"));
        SaslClients.assertRefused(dir, "JAAS section 'Server' of '" + dir.resolve("jaas.conf")
                + "' does not let the server log in to Kerberos", "kerberos");
        SaslClients.install(SaslClients.writeJaasFile(dir, SaslClients.digestServerSection()));
        if (noKerberosConfiguration()) {
            // Apache fails the first SASL authorization then (KerberosName cannot initialise); we refuse the start.
            SaslClients.assertRefused(dir, "requireKerberosConfig is true, but no Kerberos configuration was found", "require-krb5",
                    "requireKerberosConfig=true");
        } else {
            // A machine with a krb5.conf: the same setting must then let the server start.
            java.nio.file.Files.createDirectories(dir.resolve("require-krb5"));
            new InJvmMenagerie(dir.resolve("require-krb5"), "nio", "requireKerberosConfig=true").close();
        }
        // zoo.cfg's parser refuses a provider named by one of the server's own schemes, with the file and line.
        SaslClients.assertRefused(dir, "authProvider.1: not supported by Menagerie", "unknown", "authProvider.1=world");
        SaslClients.assertRefused(dir, "enforce.auth.schemes names sasl, which is not available", "unavailable",
                "enforce.auth.enabled=true", "enforce.auth.schemes=sasl");
        SaslClients.assertRefused(dir, "enforce.auth.enabled is true but enforce.auth.schemes names no scheme", "no-schemes",
                "enforce.auth.enabled=true");
        SaslClients.install(dir.resolve("missing-jaas.conf"));
        SaslClients.assertRefused(dir, "No JAAS configuration section named 'Server' was found in '" + dir.resolve("missing-jaas.conf"),
                "missing-file");
    }

    /** True if this JVM finds no krb5.conf (the usual test machine); the JDK caches the answer. */
    private static boolean noKerberosConfiguration() {
        try {
            new javax.security.auth.kerberos.KerberosPrincipal("probe");
            return false;
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    /** One client of JAAS section {@code section}: how its SASL negotiation ended and what reading / gives it. */
    private static SaslClients.Story oneClient(String section) {
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

    /** Installs the DIGEST-MD5 JAAS file and runs {@code story} on both servers ({@link SaslClients#onBoth}). */
    private List<String> onBoth(Map<String, String> keys, SaslClients.Story story) throws Exception {
        SaslClients.install(SaslClients.writeJaasFile(dir, SaslClients.digestServerSection()));
        return SaslClients.onBoth(dir, keys, story);
    }
}
