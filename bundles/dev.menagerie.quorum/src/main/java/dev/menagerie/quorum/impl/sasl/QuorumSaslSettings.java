package dev.menagerie.quorum.impl.sasl;

import java.util.Locale;
import java.util.Map;

/**
 * Apache ZooKeeper's quorum SASL settings, read as Apache 3.9 reads them: the {@code quorum.auth.*} keys from zoo.cfg,
 * {@code fips-mode} from zoo.cfg or else the {@code zookeeper.fips-mode} system property (default true; in FIPS mode
 * Apache's learner will not use DIGEST-MD5). The config bundle has already checked the combination rules.
 *
 * @param learnerContext the JAAS section this server logs in from when it dials a peer
 * @param serverContext the JAAS section whose users a peer that dials this server may authenticate as
 * @param servicePrincipal the peer's Kerberos principal pattern; {@code _HOST} stands for the peer's host name
 */
public record QuorumSaslSettings(boolean enabled, boolean learnerRequires, boolean serverRequires,
        String learnerContext, String serverContext, String servicePrincipal, boolean fipsMode) {

    static final String ENABLE = "quorum.auth.enableSasl";
    static final String LEARNER_REQUIRES = "quorum.auth.learnerRequireSasl";
    static final String SERVER_REQUIRES = "quorum.auth.serverRequireSasl";
    private static final String HOST_PATTERN = "_HOST";

    public QuorumSaslSettings {
        assert enabled || !(learnerRequires || serverRequires) : "requiring SASL needs it enabled";
    }

    static QuorumSaslSettings from(Map<String, String> file) {
        String fips = file.get("fips-mode");
        fips = fips != null ? fips : System.getProperty("zookeeper.fips-mode");
        return new QuorumSaslSettings(flag(file, ENABLE), flag(file, LEARNER_REQUIRES), flag(file, SERVER_REQUIRES),
                orDefault(file.get("quorum.auth.learner.saslLoginContext"), "QuorumLearner"),
                orDefault(file.get("quorum.auth.server.saslLoginContext"), "QuorumServer"),
                orDefault(file.get("quorum.auth.kerberos.servicePrincipal"), "zkquorum/localhost"),
                fips == null || !fips.trim().equalsIgnoreCase("false"));
    }

    /**
     * The principal a learner expects of the peer on {@code host}, as Apache's SecurityUtils.getServerPrincipal: a
     * two-part {@code service/_HOST} has {@code _HOST} replaced by the host name in lower case; anything else is kept.
     */
    public String servicePrincipalFor(String host) {
        String[] parts = servicePrincipal.split("/");
        if (parts.length != 2 || !parts[1].equals(HOST_PATTERN)) {
            return servicePrincipal;
        }
        return parts[0] + "/" + host.toLowerCase(Locale.ROOT);
    }

    private static boolean flag(Map<String, String> file, String key) {
        String value = file.get(key);
        return value != null && Boolean.parseBoolean(value.trim());
    }

    private static String orDefault(String value, String defaultValue) {
        return value == null || value.isBlank() ? defaultValue : value.trim();
    }
}
