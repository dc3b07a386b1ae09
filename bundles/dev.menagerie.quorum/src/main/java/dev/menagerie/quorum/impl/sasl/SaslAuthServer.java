package dev.menagerie.quorum.impl.sasl;

import dev.menagerie.protocol.quorum.QuorumAuthPacket;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Map;
import java.util.Set;
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
 * drops the connection itself). With a Kerberos server section it runs GSSAPI as that section's
 * {@code service/host@REALM} principal, and authorizes a peer only if its principal's host is a server.N host.
 */
final class SaslAuthServer {

    private static final Logger LOG = LoggerFactory.getLogger(SaslAuthServer.class);
    private static final String MECHANISM = "DIGEST-MD5";
    /** Apache's bound on IN_PROGRESS rounds; DIGEST-MD5 and GSSAPI need two or three. */
    private static final int MAX_ROUNDS = 5;

    private final QuorumSaslSettings settings;
    /** DIGEST-MD5: the users; GSSAPI: null. */
    private final Map<String, String> users;
    /** GSSAPI: the login and the hosts a peer's principal may name; DIGEST-MD5: null. */
    private final QuorumKerberos kerberos;
    private final Set<String> authorizedHosts;
    private final SaslAuthLearner.GssapiTarget self;

    private SaslAuthServer(QuorumSaslSettings settings, Map<String, String> users, QuorumKerberos kerberos,
            Set<String> authorizedHosts) {
        assert (users == null) != (kerberos == null) : "one mechanism";
        this.settings = settings;
        this.users = users;
        this.kerberos = kerberos;
        this.authorizedHosts = authorizedHosts;
        this.self = kerberos == null ? null : SaslAuthLearner.GssapiTarget.of(kerberos.principal().getName());
        if (self != null && self.host() == null) {
            throw new IllegalArgumentException("quorum SASL: the server section logs in as "
                    + kerberos.principal().getName() + "; it must be service/host@REALM, such as zkquorum/"
                    + "zk1.example.com@EXAMPLE.COM");
        }
    }

    static SaslAuthServer digest(QuorumSaslSettings settings, Map<String, String> users) {
        return new SaslAuthServer(settings, users, null, null);
    }

    /** @param authorizedHosts the server.N host names, as Apache's QuorumPeer collects them */
    static SaslAuthServer kerberos(QuorumSaslSettings settings, QuorumKerberos kerberos,
            Set<String> authorizedHosts) {
        return new SaslAuthServer(settings, null, kerberos, Set.copyOf(authorizedHosts));
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
        SaslServer server = kerberos == null
                ? Sasl.createSaslServer(MECHANISM, SaslAuthLearner.PROTOCOL, SaslAuthLearner.SERVER_NAME, null,
                        new ServerCallbacks(users, null))
                : kerberos.as(() -> Sasl.createSaslServer("GSSAPI", self.service(), self.host(), null,
                        new ServerCallbacks(Map.of(), authorizedHosts)));
        if (server == null) {
            throw new SaslException("this JVM offers no " + (kerberos == null ? MECHANISM : "GSSAPI")
                    + " SASL server");
        }
        try {
            if (kerberos == null) {
                exchange(server, first.token(), in, out);
            } else {
                kerberos.as(() -> {
                    exchange(server, first.token(), in, out);
                    return null;
                });
            }
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
