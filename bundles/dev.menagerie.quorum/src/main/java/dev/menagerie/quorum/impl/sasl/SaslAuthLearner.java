package dev.menagerie.quorum.impl.sasl;

import dev.menagerie.protocol.quorum.QuorumAuthPacket;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.sasl.RealmCallback;
import javax.security.sasl.RealmChoiceCallback;
import javax.security.sasl.Sasl;
import javax.security.sasl.SaslClient;
import javax.security.sasl.SaslException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dialling side of quorum SASL, as Apache's SaslQuorumAuthLearner: only with
 * {@code quorum.auth.learnerRequireSasl}; it speaks first (an empty token, DIGEST-MD5 having no initial response),
 * then answers each IN_PROGRESS challenge until the peer says SUCCESS; ERROR, or a SUCCESS before the mechanism
 * completes, fails. In FIPS mode (Apache's default) Apache's learner will not use DIGEST-MD5 and cannot
 * authenticate at all: neither does this one, it fails without sending anything. With a Kerberos learner section it
 * speaks GSSAPI (FIPS mode does not matter) to the service principal of the peer's host.
 */
final class SaslAuthLearner {

    private static final Logger LOG = LoggerFactory.getLogger(SaslAuthLearner.class);
    static final String PROTOCOL = "zookeeper-quorum";
    static final String SERVER_NAME = "zk-quorum-sasl-md5";
    private static final String MECHANISM = "DIGEST-MD5";

    private final QuorumSaslSettings settings;
    /** Exactly one of these two is set: DIGEST-MD5 or GSSAPI. */
    private final QuorumJaas.LearnerCredentials credentials;
    private final QuorumKerberos kerberos;

    private SaslAuthLearner(QuorumSaslSettings settings, QuorumJaas.LearnerCredentials credentials,
            QuorumKerberos kerberos) {
        assert (credentials == null) != (kerberos == null) : "one mechanism";
        this.settings = settings;
        this.credentials = credentials;
        this.kerberos = kerberos;
    }

    static SaslAuthLearner digest(QuorumSaslSettings settings, QuorumJaas.LearnerCredentials credentials) {
        return new SaslAuthLearner(settings, credentials, null);
    }

    static SaslAuthLearner kerberos(QuorumSaslSettings settings, QuorumKerberos kerberos) {
        return new SaslAuthLearner(settings, null, kerberos);
    }

    /** How this learner shows up in the log: its user or principal. */
    String identity() {
        return kerberos == null ? credentials.username() : kerberos.principal().getName();
    }

    void authenticate(Socket socket, String peerHost) throws IOException {
        if (!settings.learnerRequires()) {
            return; // Apache's learner authenticates only when it requires it.
        }
        if (kerberos != null) {
            authenticateWithKerberos(socket, peerHost);
            return;
        }
        if (settings.fipsMode()) {
            throw new SaslException("this server will not use DIGEST-MD5 as its SASL mechanism because FIPS mode is"
                    + " on (as Apache ZooKeeper 3.9 by default); set fips-mode=false to authenticate with DIGEST-MD5");
        }
        LOG.debug("Authenticating to {} ({}) as {}", socket.getRemoteSocketAddress(),
                settings.servicePrincipalFor(peerHost), credentials.username());
        SaslClient client = Sasl.createSaslClient(new String[] {MECHANISM}, credentials.username(), PROTOCOL,
                SERVER_NAME, null, this::handle);
        if (client == null) {
            throw new SaslException("this JVM offers no DIGEST-MD5 SASL client");
        }
        try {
            exchange(client, socket.getInputStream(), new BufferedOutputStream(socket.getOutputStream()));
        } catch (EOFException e) {
            throw new SaslException("the peer hung up during quorum SASL authentication (does it run with"
                    + " quorum.auth.enableSasl=true, and know our user?)", e);
        } finally {
            client.dispose();
        }
    }

    private void authenticateWithKerberos(Socket socket, String peerHost) throws IOException {
        kerberos.refreshIfDue();
        GssapiTarget target = GssapiTarget.of(settings.servicePrincipalFor(peerHost));
        LOG.debug("Authenticating to {} ({}) as {} with GSSAPI", socket.getRemoteSocketAddress(), target,
                kerberos.principal().getName());
        SaslClient client = kerberos.as(() -> Sasl.createSaslClient(new String[] {"GSSAPI"},
                kerberos.principal().getName(), target.service(), target.host(), null, null));
        if (client == null) {
            throw new SaslException("this JVM offers no GSSAPI SASL client");
        }
        try {
            kerberos.as(() -> {
                exchange(client, socket.getInputStream(), new BufferedOutputStream(socket.getOutputStream()));
                return null;
            });
        } catch (EOFException e) {
            throw new SaslException("the peer hung up during quorum SASL authentication (does it run with"
                    + " quorum.auth.enableSasl=true and accept " + target + "?)", e);
        } finally {
            client.dispose();
        }
    }

    /**
     * The peer's principal as Apache's SecurityUtils.createSaslClient splits it for GSSAPI: service and host, the
     * realm dropped (GSSAPI names the peer service@host; Apache's {@code server.realm} changes nothing else);
     * {@code host} is null without a slash.
     */
    record GssapiTarget(String service, String host) {
        static GssapiTarget of(String principal) {
            int at = principal.indexOf('@');
            String name = at < 0 ? principal : principal.substring(0, at);
            int slash = name.indexOf('/');
            return slash < 0 ? new GssapiTarget(name, null)
                    : new GssapiTarget(name.substring(0, slash), name.substring(slash + 1));
        }

        @Override
        public String toString() {
            return service + (host == null ? "" : "/" + host);
        }
    }

    private static void exchange(SaslClient client, InputStream in, OutputStream out) throws IOException {
        byte[] first = client.hasInitialResponse() ? client.evaluateChallenge(new byte[0]) : new byte[0];
        AuthPackets.write(out, AuthPackets.IN_PROGRESS, first);
        QuorumAuthPacket answer = AuthPackets.read(in);
        while (!client.isComplete()) {
            byte[] token = answer.token() == null ? new byte[0] : answer.token();
            switch (answer.status()) {
                case AuthPackets.IN_PROGRESS -> {
                    AuthPackets.write(out, AuthPackets.IN_PROGRESS, client.evaluateChallenge(token));
                    answer = AuthPackets.read(in);
                }
                case AuthPackets.SUCCESS -> {
                    if (client.evaluateChallenge(token) != null || !client.isComplete()) {
                        throw new SaslException("protocol error: the peer said SUCCESS before the exchange ended");
                    }
                }
                default -> throw new SaslException("the peer refused our credentials (status "
                        + AuthPackets.name(answer.status()) + ")");
            }
        }
        if (answer.status() != AuthPackets.SUCCESS) {
            throw new SaslException("the peer did not confirm our authentication (status "
                    + AuthPackets.name(answer.status()) + ")");
        }
    }

    private void handle(Callback[] callbacks) throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback name) {
                name.setName(credentials.username());
            } else if (callback instanceof PasswordCallback password) {
                password.setPassword(credentials.password().toCharArray());
            } else if (callback instanceof RealmCallback realm) {
                realm.setText(realm.getDefaultText());
            } else if (callback instanceof RealmChoiceCallback choice) {
                choice.setSelectedIndex(choice.getDefaultChoice());
            } else {
                throw new UnsupportedCallbackException(callback, "not a DIGEST-MD5 client callback");
            }
        }
    }
}
