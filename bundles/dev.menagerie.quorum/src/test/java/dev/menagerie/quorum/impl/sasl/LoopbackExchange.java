package dev.menagerie.quorum.impl.sasl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.election.PeerAuthenticator;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.security.sasl.SaslException;

/** One quorum SASL exchange over loopback: a dialling peer's learner side against an accepting peer's server side. */
final class LoopbackExchange {

    static final byte[] NEXT = "first election frame".getBytes(StandardCharsets.US_ASCII);
    private static final int READ_TIMEOUT_MS = 10_000;

    record Outcome(IOException learner, IOException server, byte[] readAfterAuth) {
        void assertBothPassed() {
            assertEquals(null, learner, "learner side");
            assertEquals(null, server, "server side");
        }
    }

    private LoopbackExchange() {
    }

    static void assertRefused(IOException failure, String words) {
        assertInstanceOf(SaslException.class, failure);
        assertTrue(failure.getMessage().contains(words), failure.getMessage());
    }

    /** The dialler runs its learner side then sends {@link #NEXT}; the listener runs its server side then reads. */
    static Outcome exchange(PeerAuthenticator dialling, PeerAuthenticator accepting) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Object[]> server = CompletableFuture.supplyAsync(() -> serve(listener, accepting));
            IOException learnerFailure = null;
            try (Socket dialled = new Socket(listener.getInetAddress(), listener.getLocalPort())) {
                dialled.setSoTimeout(READ_TIMEOUT_MS);
                try {
                    dialling.asLearner(dialled, "localhost");
                    dialled.getOutputStream().write(NEXT);
                    dialled.getOutputStream().flush();
                } catch (IOException e) {
                    learnerFailure = e;
                    dialled.close(); // as every caller does
                }
                Object[] served = server.get(2L * READ_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                return new Outcome(learnerFailure, (IOException) served[0], (byte[]) served[1]);
            }
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        }
    }

    private static Object[] serve(ServerSocket listener, PeerAuthenticator accepting) {
        try (Socket accepted = listener.accept()) {
            accepted.setSoTimeout(READ_TIMEOUT_MS);
            InputStream in = new BufferedInputStream(accepted.getInputStream());
            try {
                accepting.asServer(accepted, in);
            } catch (IOException e) {
                return new Object[] {e, null};
            }
            return new Object[] {null, in.readNBytes(NEXT.length)};
        } catch (IOException e) {
            return new Object[] {e, null};
        }
    }
}
