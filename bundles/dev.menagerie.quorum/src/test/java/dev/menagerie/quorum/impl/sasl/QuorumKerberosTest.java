package dev.menagerie.quorum.impl.sasl;

import static dev.menagerie.quorum.impl.sasl.LoopbackExchange.NEXT;
import static dev.menagerie.quorum.impl.sasl.LoopbackExchange.assertRefused;
import static dev.menagerie.quorum.impl.sasl.LoopbackExchange.exchange;
import static dev.menagerie.testing.LoopbackKdc.keytabSection;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.election.PeerAuthenticator;
import dev.menagerie.quorum.impl.sasl.LoopbackExchange.Outcome;
import dev.menagerie.testing.LoopbackKdc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.URIParameter;
import java.util.Map;
import java.util.Set;
import javax.security.auth.login.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quorum SASL with Kerberos (GSSAPI) over loopback against an Apache Kerby KDC in this JVM. The JDK reads krb5.conf
 * once per JVM, so the pom runs this class in a fork of its own ({@code quorum-kerberos}).
 */
class QuorumKerberosTest {

    private static final String REALM = LoopbackKdc.REALM;
    private static final String SERVICE = "zkquorum/localhost@" + REALM;
    private static final Map<String, String> SERVER_HOSTS = KerberosHostNames.of(Set.of("localhost", "zk2.example.com"),
            false);

    @TempDir
    static Path dir;
    private static LoopbackKdc kdc;

    @BeforeAll
    static void startKdc() throws Exception {
        kdc = LoopbackKdc.start(dir);
        System.setProperty("java.security.krb5.conf", kdc.krb5Conf().toString());
        kdc.createWithKeytab(SERVICE, "service");
        kdc.createWithKeytab("learner/zk2.example.com@" + REALM, "learner");
        kdc.createWithKeytab("learner/elsewhere.example.com@" + REALM, "stranger");
        // A keytab whose key the KDC no longer has.
        kdc.createWithKeytab("learner/localhost@" + REALM, "stale");
        kdc.rekey("learner/localhost@" + REALM);
    }

    @AfterAll
    static void stopKdc() throws Exception {
        kdc.close();
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
        Files.writeString(wrong, keytabSection("QuorumServer", SERVICE, kdc.keytab("stranger"), false)
                + keytabSection("QuorumLearner", SERVICE, kdc.keytab("service"), true));
        PeerAuthenticator server = SaslPeerAuthenticator.of(settings(true), load(wrong), SERVER_HOSTS);
        Outcome outcome = exchange(learner, server);
        assertRefused(outcome.learner(), "refused our credentials");
        assertRefused(outcome.server(), "authentication failed");
    }

    @Test
    void withCanonicalHostNamesAServerWrittenAsAnAddressStandsForItsName() throws Exception {
        String canonical = LoopbackKdc.loopbackHostName();
        String principal = "peer/" + canonical + "@" + REALM;
        kdc.createWithKeytab(principal, "canonical");
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

    /** A peer whose server and learner sections both log {@code principal} in from {@code <keytab>.keytab}. */
    private static PeerAuthenticator peer(String principal, String keytab, boolean required) throws IOException {
        return peer(principal, keytab, required, SERVER_HOSTS);
    }

    private static PeerAuthenticator peer(String principal, String keytab, boolean required,
            Map<String, String> serverHosts) throws IOException {
        Path file = Files.createTempFile(dir, "quorum", ".jaas");
        Path keys = kdc.keytab(keytab);
        Files.writeString(file, keytabSection("QuorumServer", SERVICE, kdc.keytab("service"), true)
                + keytabSection("QuorumLearner", principal, keys, true));
        return SaslPeerAuthenticator.of(settings(required), load(file), serverHosts);
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
