package dev.menagerie.quorum.impl.sasl;

import static dev.menagerie.quorum.impl.sasl.LoopbackExchange.NEXT;
import static dev.menagerie.quorum.impl.sasl.LoopbackExchange.assertRefused;
import static dev.menagerie.quorum.impl.sasl.LoopbackExchange.exchange;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.election.PeerAuthenticator;
import dev.menagerie.quorum.impl.sasl.LoopbackExchange.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.URIParameter;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.security.auth.login.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quorum SASL over loopback, one dialling peer (the learner side) and one accepting peer (the server side), with
 * JAAS files as Apache's documentation writes them.
 */
class SaslPeerAuthenticatorTest {

    private static final Map<String, String> HOSTS = Map.of("localhost", "localhost");

    @TempDir
    Path dir;

    @Test
    void theRightPasswordAuthenticatesAndTheConnectionCarriesOn() throws Exception {
        Outcome outcome = exchange(peer("test", "secret", true, true), peer("test", "secret", true, true));
        outcome.assertBothPassed();
        assertArrayEquals(NEXT, outcome.readAfterAuth(), "the bytes after the exchange reach the server side");
    }

    @Test
    void aWrongPasswordIsRefusedOnBothSidesWhenTheServerRequiresSasl() throws Exception {
        Outcome outcome = exchange(peer("test", "wrong", true, true), peer("test", "secret", true, true));
        assertRefused(outcome.learner(), "refused our credentials");
        assertRefused(outcome.server(), "authentication failed");
    }

    @Test
    void anUnknownUserIsRefused() throws Exception {
        Outcome outcome = exchange(peer("mallory", "secret", true, true), peer("test", "secret", true, true));
        assertRefused(outcome.learner(), "refused our credentials");
        assertRefused(outcome.server(), "authentication failed");
    }

    @Test
    void withoutServerRequireSaslAFailedLearnerIsKeptButGivesUpItself() throws Exception {
        Outcome outcome = exchange(peer("test", "wrong", true, true), peer("test", "secret", true, false));
        assertRefused(outcome.learner(), "refused our credentials");
        assertEquals(null, outcome.server(), "the server side keeps the connection (Apache's rolling upgrade)");
    }

    @Test
    void aLearnerThatDoesNotRequireSaslSendsNothingAndAServerThatDoesNotRequireItLetsItThrough()
            throws Exception {
        Outcome outcome = exchange(peer("test", "secret", false, false), peer("test", "secret", false, false));
        outcome.assertBothPassed();
        assertArrayEquals(NEXT, outcome.readAfterAuth(), "the first frame is left for the caller");
    }

    @Test
    void aServerThatRequiresSaslRefusesALearnerThatDoesNotTry() throws Exception {
        Outcome outcome = exchange(peer("test", "secret", false, false), peer("test", "secret", true, true));
        assertEquals(null, outcome.learner());
        assertRefused(outcome.server(), "did not try to authenticate");
    }

    @Test
    void aLearnerThatRequiresSaslRefusesAPeerWithoutIt() throws Exception {
        // A peer without quorum SASL reads the auth packet as a frame length, finds it far too large and hangs up.
        PeerAuthenticator withoutSasl = new PeerAuthenticator() {
            @Override
            public void asServer(Socket socket, InputStream in) throws IOException {
                int frameLength = new DataInputStream(in).readInt();
                assertTrue(frameLength > 1_500_000_000, "the magic number does not pass for a frame");
                throw new IOException("invalid frame length " + frameLength);
            }
        };
        Outcome outcome = exchange(peer("test", "secret", true, false), withoutSasl);
        assertRefused(outcome.learner(), "hung up");
    }

    @Test
    void inFipsModeTheLearnerWillNotUseDigestMd5AndSendsNothing() throws Exception {
        PeerAuthenticator fips = SaslPeerAuthenticator.of(settings(true, false, true), jaas("test", "secret"),
                HOSTS);
        Outcome outcome = exchange(fips, peer("test", "secret", true, true));
        assertRefused(outcome.learner(), "FIPS mode");
        assertInstanceOf(EOFException.class, outcome.server(), "the learner hung up without a word");
    }

    @Test
    void theLearnerSpeaksFirstWithApachesPacket() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket dialled = new Socket(listener.getInetAddress(), listener.getLocalPort());
                Socket accepted = listener.accept()) {
            dialled.setSoTimeout(500);
            PeerAuthenticator learner = peer("test", "secret", true, false);
            CompletableFuture<Void> learning = CompletableFuture.runAsync(() -> {
                try {
                    learner.asLearner(dialled, "localhost");
                } catch (IOException expected) {
                    // no answer comes
                }
            });
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(expected);
            out.writeLong(-0xa0dbcafecafe1234L); // QuorumAuth.QUORUM_AUTH_MAGIC_NUMBER
            out.writeInt(0); // IN_PROGRESS
            out.writeInt(0); // an empty token: DIGEST-MD5 has no initial response
            assertArrayEquals(expected.toByteArray(), accepted.getInputStream().readNBytes(16));
            learning.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aKerberosSectionThatCannotLogInRefusesTheStart() throws IOException {
        Path file = dir.resolve("krb.jaas");
        Files.writeString(file, """
                QuorumServer {
                       com.sun.security.auth.module.Krb5LoginModule required
                       useKeyTab=true keyTab="/tmp/zk.keytab" principal="zkquorum/localhost@EXAMPLE.COM";
                };
                QuorumLearner {
                       org.apache.zookeeper.server.auth.DigestLoginModule required
                       username="test" password="secret";
                };
                """);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> SaslPeerAuthenticator.of(settings(true, true, false), load(file), HOSTS));
        assertTrue(refused.getMessage().contains("cannot log in with JAAS section 'QuorumServer'"),
                refused.getMessage());
    }

    @Test
    void aMissingSectionRefusesTheStart() {
        QuorumSaslSettings otherSection = new QuorumSaslSettings(true, false, false, "QuorumLearner",
                "NoSuchSection", "zkquorum/localhost", false);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> SaslPeerAuthenticator.of(otherSection, jaas("test", "secret"), HOSTS));
        assertTrue(refused.getMessage().contains("has no section 'NoSuchSection'"), refused.getMessage());
    }

    @Test
    void hostInTheServicePrincipalIsTheConfiguredHostName() {
        QuorumSaslSettings pattern = new QuorumSaslSettings(true, true, true, "QuorumLearner", "QuorumServer",
                "zkquorum/_HOST", false);
        assertEquals("zkquorum/zk1.example.com", pattern.servicePrincipalFor("ZK1.example.com"));
        assertEquals("zkquorum/localhost", settings(true, true, false).servicePrincipalFor("zk1"));
    }

    // ---- harness ----

    private PeerAuthenticator peer(String user, String password, boolean learnerRequires, boolean serverRequires)
            throws IOException {
        return SaslPeerAuthenticator.of(settings(learnerRequires, serverRequires, false), jaas(user, password),
                HOSTS);
    }

    private static QuorumSaslSettings settings(boolean learnerRequires, boolean serverRequires, boolean fips) {
        return new QuorumSaslSettings(true, learnerRequires, serverRequires, "QuorumLearner", "QuorumServer",
                "zkquorum/localhost", fips);
    }

    /** Apache's documented JAAS file: the server section knows {@code test/secret}; the learner logs in as given. */
    private Configuration jaas(String user, String password) throws IOException {
        Path file = Files.createTempFile(dir, "quorum", ".jaas");
        Files.writeString(file, """
                QuorumServer {
                       org.apache.zookeeper.server.auth.DigestLoginModule required
                       user_test="secret";
                };
                QuorumLearner {
                       org.apache.zookeeper.server.auth.DigestLoginModule required
                       username="%s"
                       password="%s";
                };
                """.formatted(user, password));
        return load(file);
    }

    private static Configuration load(Path file) {
        try {
            return Configuration.getInstance("JavaLoginConfig", new URIParameter(file.toUri()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
