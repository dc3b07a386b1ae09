package dev.menagerie.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.testing.LoopbackKdc;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Client SASL with Kerberos (GSSAPI) against a real KDC (Apache Kerby, in this JVM on loopback), seen through the
 * Apache 3.9.5 Java client: the servers log in from a keytab with the JDK's Krb5LoginModule, clients from theirs.
 * Each scenario runs on Apache ZooKeeper 3.9.5 in this JVM and on Menagerie, and what the clients saw must be the
 * same. Kerberos and JAAS configuration are JVM-wide, so this class runs in a fork of its own (see the pom).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ClientKerberosTest {
    private static final String SASL_PROVIDER = "org.apache.zookeeper.server.auth.SASLAuthenticationProvider";
    private static final String SERVER_PRINCIPAL = "zookeeper/localhost@" + LoopbackKdc.REALM;
    private static final String ALICE = "ClientAlice";
    private static final String BOB = "ClientBob";
    /** alice's principal with bob's keytab: the client cannot log in. */
    private static final String WRONG_KEYTAB = "ClientWrongKeytab";
    /** The client asks the KDC for a ticket to this service, which the servers cannot decrypt. */
    private static final Map<String, String> TO_OTHER_SERVICE =
            Map.of("zookeeper.server.principal", "other/localhost@" + LoopbackKdc.REALM);
    private static final Map<String, String> TO_ZOOKEEPER = Map.of("zookeeper.server.principal", SERVER_PRINCIPAL);
    private static final SaslClients.Cast KERBEROS_CAST = new SaslClients.Cast(ALICE, BOB, WRONG_KEYTAB,
            "wrong keytab", TO_ZOOKEEPER);

    @TempDir
    static Path kdcDir;
    private static LoopbackKdc kdc;
    private static Path serverKeytab;
    private static Path aliceKeytab;
    private static Path bobKeytab;

    @TempDir
    Path dir;

    @BeforeAll
    static void startKdc() throws Exception {
        kdc = LoopbackKdc.start(kdcDir, 24 * 3600).pointThisJvmAtIt();
        serverKeytab = kdc.createWithKeytab(SERVER_PRINCIPAL, "zookeeper");
        aliceKeytab = kdc.createWithKeytab("alice@" + LoopbackKdc.REALM, "alice");
        bobKeytab = kdc.createWithKeytab("bob@" + LoopbackKdc.REALM, "bob");
        kdc.createWithKeytab("other/localhost@" + LoopbackKdc.REALM, "other");
    }

    @AfterAll
    static void stopKdc() throws Exception {
        kdc.close();
    }

    @AfterEach
    void forgetJaas() {
        SaslClients.uninstall();
    }

    @Test
    void gssapiGivesTheShortenedPrincipalThatAclsAndWhoAmISee() throws Exception {
        Map<String, String> keys = Map.of("authProvider.1", SASL_PROVIDER, "kerberos.removeRealmFromPrincipal", "true");
        List<String> menagerie = onBoth(keys, connectString -> SaslClients.aclStory(connectString, KERBEROS_CAST));
        assertEquals(List.of(
                "alice: SaslAuthenticated [ip:127.0.0.1, sasl:alice]",
                "alice reads: data for alice",
                "bob: SaslAuthenticated [ip:127.0.0.1, sasl:bob]",
                "bob reads: NOAUTH",
                "wrong keytab: AuthFailed NOAUTH",
                "plain client reads: NOAUTH",
                "alice still reads: data for alice"), menagerie);
    }

    @Test
    void theRealmStaysAndAuthToLocalRulesRenamePrincipals() throws Exception {
        Map<String, String> keys = Map.of("authProvider.1", SASL_PROVIDER, "security.auth_to_local",
                "RULE:[1:$1](bob)s/bob/robert/ DEFAULT");
        List<String> menagerie = onBoth(keys, connectString -> {
            List<String> seen = new ArrayList<>();
            for (String section : List.of(ALICE, BOB)) {
                SaslClients.Connected client = SaslClients.connect(connectString, section, TO_ZOOKEEPER);
                seen.add(section + ": " + client.state() + " " + SaslClients.whoAmI(client.zk()));
                client.zk().close();
            }
            return seen;
        });
        assertEquals(List.of(ALICE + ": SaslAuthenticated [ip:127.0.0.1, sasl:alice@EXAMPLE.COM]",
                BOB + ": SaslAuthenticated [ip:127.0.0.1, sasl:robert@EXAMPLE.COM]"), menagerie);
    }

    @Test
    void aKerberosSuperUserReadsEverything() throws Exception {
        Map<String, String> keys = Map.of("authProvider.1", SASL_PROVIDER, "kerberos.removeRealmFromPrincipal", "true",
                "superUser", "bob");
        List<String> menagerie = onBoth(keys, connectString -> SaslClients.aclStory(connectString, KERBEROS_CAST));
        assertTrue(menagerie.contains("bob: SaslAuthenticated [ip:127.0.0.1, sasl:bob, super:]"), menagerie::toString);
        assertTrue(menagerie.contains("bob reads: data for alice"), menagerie::toString);
    }

    @Test
    void aTicketTheServerCannotDecryptIsRefusedAndOtherClientsCarryOn() throws Exception {
        List<String> menagerie = onBoth(Map.of("authProvider.1", SASL_PROVIDER), connectString -> {
            List<String> seen = new ArrayList<>();
            SaslClients.Connected alice = SaslClients.connect(connectString, ALICE, TO_ZOOKEEPER);
            alice.zk().create("/kept", "k".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                    CreateMode.PERSISTENT);
            SaslClients.Connected stranger = SaslClients.connect(connectString, ALICE, TO_OTHER_SERVICE);
            seen.add("ticket for another service: " + stranger.state());
            seen.add("alice: " + SaslClients.whoAmI(alice.zk()) + " reads " + SaslClients.read(alice.zk(), "/kept"));
            SaslClients.Connected again = SaslClients.connect(connectString, ALICE, TO_ZOOKEEPER);
            seen.add("alice again: " + again.state() + " " + SaslClients.whoAmI(again.zk()));
            SaslClients.closeAll(List.of(alice.zk(), stranger.zk(), again.zk()));
            return seen;
        });
        assertEquals(List.of("ticket for another service: AuthFailed",
                "alice: [ip:127.0.0.1, sasl:alice@EXAMPLE.COM] reads data k",
                "alice again: SaslAuthenticated [ip:127.0.0.1, sasl:alice@EXAMPLE.COM]"), menagerie);
    }

    @Test
    void aServerThatCannotLogInDoesNotStart() throws Exception {
        installJaas(LoopbackKdc.keytabSection("Server", SERVER_PRINCIPAL, aliceKeytab));
        SaslClients.assertRefused(dir, "does not let the server log in to Kerberos", "wrong-keytab");
        installJaas(LoopbackKdc.keytabSection("Server", "alice@" + LoopbackKdc.REALM, aliceKeytab));
        SaslClients.assertRefused(dir, "the server's principal must be service/host@REALM", "no-host");
        installJaas(LoopbackKdc.keytabSection("Server", SERVER_PRINCIPAL, serverKeytab));
        SaslClients.assertRefused(dir, "kerberos.minReLoginTimeMs is not a number of milliseconds: soon", "bad-relogin",
                "kerberos.minReLoginTimeMs=soon");
    }

    private void installJaas(String serverSection) throws Exception {
        Path file = dir.resolve("jaas.conf");
        Files.writeString(file, serverSection
                + LoopbackKdc.keytabSection(ALICE, "alice@" + LoopbackKdc.REALM, aliceKeytab)
                + LoopbackKdc.keytabSection(BOB, "bob@" + LoopbackKdc.REALM, bobKeytab)
                + LoopbackKdc.keytabSection(WRONG_KEYTAB, "alice@" + LoopbackKdc.REALM, bobKeytab));
        SaslClients.install(file);
    }

    private List<String> onBoth(Map<String, String> keys, SaslClients.Story story) throws Exception {
        installJaas(LoopbackKdc.keytabSection("Server", SERVER_PRINCIPAL, serverKeytab));
        return SaslClients.onBoth(dir, keys, story);
    }
}
