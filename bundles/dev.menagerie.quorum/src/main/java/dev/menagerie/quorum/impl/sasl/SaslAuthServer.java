package dev.menagerie.quorum.impl.sasl;

import dev.menagerie.protocol.quorum.QuorumAuthPacket;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Map;
import javax.security.sasl.Sasl;
import javax.security.sasl.SaslException;
import javax.security.sasl.SaslServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accepting side of quorum SASL, as Apache's SaslQuorumAuthServer. A peer whose first bytes are not an
 * authentication packet is refused with {@code quorum.auth.serverRequireSasl}, else let through unread. A peer that
 * does authenticate gets IN_PROGRESS challenges and then SUCCESS with the last one; a failed negotiation gets ERROR,
 * and is then refused with serverRequireSasl, else kept (Apache's rolling upgrade: the learner, having failed,
 * drops the connection itself).
 */
final class SaslAuthServer {

    private static final Logger LOG = LoggerFactory.getLogger(SaslAuthServer.class);
    private static final String MECHANISM = "DIGEST-MD5";
    /** Apache's bound on IN_PROGRESS rounds; DIGEST-MD5 needs two. */
    private static final int MAX_ROUNDS = 5;

    private final QuorumSaslSettings settings;
    private final Map<String, String> users;

    SaslAuthServer(QuorumSaslSettings settings, Map<String, String> users) {
        this.settings = settings;
        this.users = users;
    }

    void authenticate(Socket socket, InputStream in) throws IOException {
        if (!AuthPackets.nextIsAuth(in)) {
            if (settings.serverRequires()) {
                throw new SaslException("the peer did not try to authenticate, and quorum.auth.serverRequireSasl"
                        + " is true");
            }
            return;
        }
        OutputStream out = new BufferedOutputStream(socket.getOutputStream());
        QuorumAuthPacket first = AuthPackets.read(in);
        ServerCallbacks callbacks = new ServerCallbacks(users);
        SaslServer server = Sasl.createSaslServer(MECHANISM, SaslAuthLearner.PROTOCOL,
                SaslAuthLearner.SERVER_NAME, null, callbacks);
        if (server == null) {
            throw new SaslException("this JVM offers no DIGEST-MD5 SASL server");
        }
        try {
            exchange(server, first.token(), in, out);
            LOG.debug("Peer {} authenticated as {}", socket.getRemoteSocketAddress(), server.getAuthorizationID());
        } catch (SaslException e) {
            AuthPackets.write(out, AuthPackets.ERROR, new byte[0]);
            if (settings.serverRequires()) {
                throw new SaslException("quorum SASL authentication failed: " + e.getMessage(), e);
            }
            LOG.warn("Keeping the connection from {} although its quorum SASL authentication failed"
                    + " (quorum.auth.serverRequireSasl=false): {}", socket.getRemoteSocketAddress(), e.getMessage());
        } finally {
            server.dispose();
        }
    }

    private static void exchange(SaslServer server, byte[] firstToken, InputStream in,
            OutputStream out) throws IOException {
        byte[] token = firstToken == null ? new byte[0] : firstToken;
        for (int round = 1; ; round++) {
            byte[] challenge = server.evaluateResponse(token);
            if (server.isComplete()) {
                AuthPackets.write(out, AuthPackets.SUCCESS, challenge);
                return;
            }
            if (round > MAX_ROUNDS) {
                throw new SaslException("no result after " + MAX_ROUNDS + " rounds");
            }
            AuthPackets.write(out, AuthPackets.IN_PROGRESS, challenge);
            QuorumAuthPacket next = AuthPackets.read(in);
            token = next.token() == null ? new byte[0] : next.token();
        }
    }
}
