package dev.menagerie.quorum.impl.sasl;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.election.PeerAuthenticator;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.Map;
import javax.security.auth.login.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apache ZooKeeper's quorum SASL (DIGEST-MD5) on the election and quorum ports. With {@code quorum.auth.enableSasl}
 * both JAAS sections must be there, as in Apache; {@code learnerRequireSasl} makes this server authenticate when it
 * dials, {@code serverRequireSasl} makes it refuse peers that do not authenticate when they dial it.
 */
public final class SaslPeerAuthenticator implements PeerAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(SaslPeerAuthenticator.class);

    private final SaslAuthLearner learner;
    private final SaslAuthServer server;

    private SaslPeerAuthenticator(SaslAuthLearner learner, SaslAuthServer server) {
        this.learner = learner;
        this.server = server;
    }

    /**
     * The authenticator zoo.cfg asks for: {@link PeerAuthenticator#NONE} without {@code quorum.auth.enableSasl}.
     *
     * @throws IllegalArgumentException when the server must not start: a JAAS section is missing, unreadable, or
     *                                  uses Kerberos or another login module
     */
    public static PeerAuthenticator of(ServerConfig config) {
        QuorumSaslSettings settings = QuorumSaslSettings.from(config.properties());
        return settings.enabled() ? of(settings, Configuration.getConfiguration()) : PeerAuthenticator.NONE;
    }

    static PeerAuthenticator of(QuorumSaslSettings settings, Configuration jaas) {
        assert settings.enabled() : "quorum SASL is off";
        QuorumJaas sections = new QuorumJaas(jaas);
        Map<String, String> users = sections.serverUsers(settings.serverContext());
        QuorumJaas.LearnerCredentials credentials = sections.learner(settings.learnerContext());
        LOG.info("Quorum SASL (DIGEST-MD5) enabled: {} users in JAAS section '{}', learning as '{}' from section"
                + " '{}'; learnerRequireSasl={}, serverRequireSasl={}", users.size(), settings.serverContext(),
                credentials.username(), settings.learnerContext(), settings.learnerRequires(),
                settings.serverRequires());
        if (settings.learnerRequires() && settings.fipsMode()) {
            LOG.warn("quorum.auth.learnerRequireSasl=true in FIPS mode (fips-mode is true by default, as in Apache"
                    + " ZooKeeper 3.9): this server will not use DIGEST-MD5 and cannot authenticate to its peers;"
                    + " set fips-mode=false");
        }
        return new SaslPeerAuthenticator(new SaslAuthLearner(settings, credentials),
                new SaslAuthServer(settings, users));
    }

    @Override
    public void asLearner(Socket socket, String peerHost) throws IOException {
        learner.authenticate(socket, peerHost);
    }

    @Override
    public void asServer(Socket socket, InputStream in) throws IOException {
        server.authenticate(socket, in);
    }
}
