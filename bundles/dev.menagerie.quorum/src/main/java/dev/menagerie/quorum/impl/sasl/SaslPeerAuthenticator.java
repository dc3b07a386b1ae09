package dev.menagerie.quorum.impl.sasl;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.election.PeerAuthenticator;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.security.auth.login.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apache ZooKeeper's quorum SASL (DIGEST-MD5, or GSSAPI for a Kerberos JAAS section) on the election and quorum ports. With {@code quorum.auth.enableSasl}
 * both JAAS sections must be there, as in Apache; {@code learnerRequireSasl} makes this server authenticate when it
 * dials, {@code serverRequireSasl} makes it refuse peers that do not authenticate when they dial it.
 */
public final class SaslPeerAuthenticator implements PeerAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(SaslPeerAuthenticator.class);

    private final SaslAuthLearner learner;
    private final SaslAuthServer server;

    /** Each server.N host to the name Kerberos knows it by ({@link KerberosHostNames}). */
    private final Map<String, String> hostNames;

    private SaslPeerAuthenticator(SaslAuthLearner learner, SaslAuthServer server, Map<String, String> hostNames) {
        this.learner = learner;
        this.server = server;
        this.hostNames = hostNames;
    }

    /**
     * The authenticator zoo.cfg asks for: {@link PeerAuthenticator#NONE} without {@code quorum.auth.enableSasl}.
     *
     * @throws IllegalArgumentException when the server must not start: a JAAS section is missing, unreadable, or
     *                                  uses another login module, or a Kerberos section cannot log in
     */
    public static PeerAuthenticator of(ServerConfig config) {
        QuorumSaslSettings settings = QuorumSaslSettings.from(config.properties());
        if (!settings.enabled()) {
            return PeerAuthenticator.NONE;
        }
        // As Apache's QuorumPeer: a Kerberos peer's principal must name one of the server.N hosts.
        Set<String> hosts = new HashSet<>();
        config.members().forEach(member -> hosts.add(member.quorumAddress().host()));
        return of(settings, Configuration.getConfiguration(),
                KerberosHostNames.of(hosts, KerberosHostNames.canonicalize(config.properties())));
    }

    /** @param hostNames each server.N host to the name quorum Kerberos knows it by */
    static PeerAuthenticator of(QuorumSaslSettings settings, Configuration jaas, Map<String, String> hostNames) {
        assert settings.enabled() : "quorum SASL is off";
        QuorumJaas sections = new QuorumJaas(jaas);
        SaslAuthServer server = sections.kerberos(settings.serverContext())
                ? SaslAuthServer.kerberos(settings, QuorumKerberos.login(settings.serverContext(), jaas),
                        Set.copyOf(hostNames.values()))
                : SaslAuthServer.digest(settings, sections.serverUsers(settings.serverContext()));
        boolean kerberosLearner = sections.kerberos(settings.learnerContext());
        SaslAuthLearner learner = kerberosLearner
                ? SaslAuthLearner.kerberos(settings, QuorumKerberos.login(settings.learnerContext(), jaas))
                : SaslAuthLearner.digest(settings, sections.learner(settings.learnerContext()));
        LOG.info("Quorum SASL enabled: accepting peers per JAAS section '{}', learning as '{}' from section '{}';"
                + " learnerRequireSasl={}, serverRequireSasl={}", settings.serverContext(), learner.identity(),
                settings.learnerContext(), settings.learnerRequires(), settings.serverRequires());
        if (settings.learnerRequires() && settings.fipsMode() && !kerberosLearner) {
            LOG.warn("quorum.auth.learnerRequireSasl=true in FIPS mode (fips-mode is true by default, as in Apache"
                    + " ZooKeeper 3.9): this server will not use DIGEST-MD5 and cannot authenticate to its peers;"
                    + " set fips-mode=false");
        }
        return new SaslPeerAuthenticator(learner, server, hostNames);
    }

    @Override
    public void asLearner(Socket socket, String peerHost) throws IOException {
        learner.authenticate(socket, hostNames.getOrDefault(peerHost, peerHost));
    }

    @Override
    public void asServer(Socket socket, InputStream in) throws IOException {
        server.authenticate(socket, in);
    }
}
