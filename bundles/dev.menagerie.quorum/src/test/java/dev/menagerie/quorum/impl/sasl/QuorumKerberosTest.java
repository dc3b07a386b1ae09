package dev.menagerie.quorum.impl.sasl;

import static dev.menagerie.quorum.impl.sasl.LoopbackExchange.NEXT;
import static dev.menagerie.quorum.impl.sasl.LoopbackExchange.assertRefused;
import static dev.menagerie.quorum.impl.sasl.LoopbackExchange.exchange;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.election.PeerAuthenticator;
import dev.menagerie.quorum.impl.sasl.LoopbackExchange.Outcome;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.URIParameter;
import java.util.Map;
import java.util.Set;
import javax.security.auth.login.Configuration;
import org.apache.kerby.kerberos.kerb.server.SimpleKdcServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quorum SASL with Kerberos (GSSAPI) over loopback against an Apache Kerby KDC in this JVM. The JDK reads krb5.conf
 * once per JVM, so the pom runs this class in a fork of its own ({@code quorum-kerberos}).
 */
class QuorumKerberosTest {

    private static final String REALM = "EXAMPLE.COM";
    private static final String SERVICE = "zkquorum/localhost@" + REALM;
    private static final Map<String, String> SERVER_HOSTS = KerberosHostNames.of(Set.of("localhost", "zk2.example.com"),
            false);

    @TempDir
    static Path dir;
    private static SimpleKdcServer kdc;

    @BeforeAll
    static void startKdc() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        kdc = new SimpleKdcServer();
        kdc.setWorkDir(Files.createDirectories(dir.resolve("kdc")).toFile());
        kdc.setKdcHost("127.0.0.1");
        kdc.setKdcRealm(REALM);
        kdc.setKdcTcpPort(port);
        kdc.setAllowUdp(false);
        kdc.init();
        kdc.start();
        Path krb5Conf = dir.resolve("krb5.conf");
        Files.writeString(krb5Conf, "[libdefaults]\n  default_realm = " + REALM + "\n  udp_preference_limit = 1\n"
                + "  dns_lookup_kdc = false\n  dns_lookup_realm = false\n  rdns = false\n"
                + "[realms]\n  " + REALM + " = {\n    kdc = 127.0.0.1:" + port + "\n  }\n");
        System.setProperty("java.security.krb5.conf", krb5Conf.toString());
        keytab(SERVICE, "service");
        keytab("learner/zk2.example.com@" + REALM, "learner");
        keytab("learner/elsewhere.example.com@" + REALM, "stranger");
        // A keytab whose key the KDC no longer has: the principal is created again with a new random key.
        keytab("learner/localhost@" + REALM, "stale");
        kdc.deletePrincipal("learner/localhost@" + REALM);
        kdc.createPrincipal("learner/localhost@" + REALM);
    }

    @AfterAll
    static void stopKdc() throws Exception {
        kdc.stop();
        System.clearProperty("java.security.krb5.conf");
    }

    @Test
    void learnerAndServerWithTheirKeytabsAuthenticate() throws Exception {
        PeerAuthenticator learner = peer("learner/zk2.example.com@" + REALM, "learner", true);
        PeerAuthenticator server = peer(SERVICE, "service", true);
        Outcome outcome = exchange(learner, server);
        outcome.assertBothPassed();
        assertArrayEquals(NEXT, outcome.readAfterAuth(), "the bytes after the exchange reach the server side");
    }

    @Test
    void aLearnerWhosePrincipalNamesNoServerHostIsRefused() throws Exception {
        PeerAuthenticator stranger = peer("learner/elsewhere.example.com@" + REALM, "stranger", true);
        Outcome outcome = exchange(stranger, peer(SERVICE, "service", true));
        // GSSAPI ends on the learner's side before the server's verdict, which is ERROR.
        assertRefused(outcome.learner(), "(status ERROR)");
        assertRefused(outcome.server(), "authentication failed");
    }

    @Test
    void aLearnerWithAStaleKeytabCannotLogInAndDoesNotStart() throws Exception {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> peer("learner/localhost@" + REALM, "stale", true));
        assertTrue(refused.getMessage().contains("cannot log in with JAAS section 'QuorumLearner'"),
                refused.getMessage());
    }

    @Test
    void aServerWithTheWrongKeytabCannotAcceptTheLearnersTicket() throws Exception {
        // An acceptor-only login never asks the KDC, so the wrong key shows only when a ticket comes in.
        PeerAuthenticator learner = peer("learner/zk2.example.com@" + REALM, "learner", true);
        Path wrong = dir.resolve("wrong.jaas");
        Files.writeString(wrong, section("QuorumServer", SERVICE, dir.resolve("stranger.keytab"), false)
                + section("QuorumLearner", SERVICE, dir.resolve("service.keytab"), true));
        PeerAuthenticator server = SaslPeerAuthenticator.of(settings(true), load(wrong), SERVER_HOSTS);
        Outcome outcome = exchange(learner, server);
        assertRefused(outcome.learner(), "refused our credentials");
        assertRefused(outcome.server(), "authentication failed");
    }

    @Test
    void withCanonicalHostNamesAServerWrittenAsAnAddressStandsForItsName() throws Exception {
        String canonical = InetAddress.getLoopbackAddress().getCanonicalHostName();
        // A prerequisite, not an option: every Debian machine names 127.0.0.1 "localhost" in /etc/hosts.
        assertNotEquals("127.0.0.1", canonical,
                "the loopback address has no host name (add \"127.0.0.1 localhost\" to /etc/hosts)");
        String principal = "peer/" + canonical + "@" + REALM;
        keytab(principal, "canonical");
        PeerAuthenticator learner = peer(principal, "canonical", true, SERVER_HOSTS);
        Map<String, String> asWritten = KerberosHostNames.of(Set.of("127.0.0.1"), false);
        Outcome refused = exchange(learner, peer(SERVICE, "service", true, asWritten));
        assertRefused(refused.server(), "authentication failed");
        Map<String, String> canonicalized = KerberosHostNames.of(Set.of("127.0.0.1"), true);
        assertEquals(Map.of("127.0.0.1", canonical), canonicalized);
        exchange(learner, peer(SERVICE, "service", true, canonicalized)).assertBothPassed();
    }

    @Test
    void theServicePrincipalTakesThePeersHostForHost() throws Exception {
        assertEquals(new SaslAuthLearner.GssapiTarget("zkquorum", "zk1.example.com"),
                SaslAuthLearner.GssapiTarget.of(new QuorumSaslSettings(true, true, true, "QuorumLearner",
                        "QuorumServer", "zkquorum/_HOST", false).servicePrincipalFor("ZK1.example.com")));
        assertEquals(new SaslAuthLearner.GssapiTarget("zkquorum", "localhost"),
                SaslAuthLearner.GssapiTarget.of(SERVICE));
    }

    // ---- harness ----

    private static void keytab(String principal, String name) throws Exception {
        kdc.createPrincipal(principal);
        kdc.getKadmin().exportKeytab(dir.resolve(name + ".keytab").toFile(), principal);
    }

    /** A peer whose server and learner sections both log {@code principal} in from {@code <keytab>.keytab}. */
    private static PeerAuthenticator peer(String principal, String keytab, boolean required) throws IOException {
        return peer(principal, keytab, required, SERVER_HOSTS);
    }

    private static PeerAuthenticator peer(String principal, String keytab, boolean required,
            Map<String, String> serverHosts) throws IOException {
        Path file = Files.createTempFile(dir, "quorum", ".jaas");
        Path keys = dir.resolve(keytab + ".keytab");
        Files.writeString(file, section("QuorumServer", SERVICE, dir.resolve("service.keytab"), true)
                + section("QuorumLearner", principal, keys, true));
        return SaslPeerAuthenticator.of(settings(required), load(file), serverHosts);
    }

    private static String section(String name, String principal, Path keytab, boolean initiator) {
        return name + " { com.sun.security.auth.module.Krb5LoginModule required useKeyTab=true keyTab=\"" + keytab
                + "\" storeKey=true useTicketCache=false doNotPrompt=true isInitiator=" + initiator
                + " principal=\"" + principal + "\"; };\n";
    }

    private static QuorumSaslSettings settings(boolean required) {
        // FIPS mode on, as Apache's default: it does not block GSSAPI.
        return new QuorumSaslSettings(true, required, required, "QuorumLearner", "QuorumServer",
                "zkquorum/localhost", true);
    }

    private static Configuration load(Path file) {
        try {
            return Configuration.getInstance("JavaLoginConfig", new URIParameter(file.toUri()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
