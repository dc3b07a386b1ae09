package dev.menagerie.quorum.impl.sasl;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The name quorum Kerberos uses for each server.N host, as Apache's QuorumPeer.QuorumServer: the host as written, or
 * with {@code kerberos.canonicalizeHostNames=true} its canonical DNS name (unless that is only the address). The
 * name is the {@code _HOST} of the service principal a learner dials, and the host a peer's principal must name.
 */
final class KerberosHostNames {

    static final String CANONICALIZE = "kerberos.canonicalizeHostNames";
    private static final Logger LOG = LoggerFactory.getLogger(KerberosHostNames.class);

    private KerberosHostNames() {
    }

    /** Apache reads the system property only; a zoo.cfg key becomes that property in Apache, so it counts too. */
    static boolean canonicalize(Map<String, String> file) {
        String value = file.get(CANONICALIZE);
        value = value != null ? value : System.getProperty("zookeeper." + CANONICALIZE);
        return value != null && Boolean.parseBoolean(value.trim());
    }

    /** @throws IllegalArgumentException when a host must be canonicalized but does not resolve, as Apache refuses */
    static Map<String, String> of(Collection<String> hosts, boolean canonicalize) {
        Map<String, String> names = new HashMap<>();
        for (String host : hosts) {
            names.put(host, canonicalize ? canonical(host) : host);
        }
        return Map.copyOf(names);
    }

    private static String canonical(String host) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("quorum SASL: cannot canonicalize server host " + host + " ("
                    + CANONICALIZE + "=true): it does not resolve", e);
        }
        String canonical = address.getCanonicalHostName();
        if (canonical.equals(host) || canonical.equals(address.getHostAddress())) {
            return host;
        }
        LOG.info("Quorum Kerberos: server host {} canonicalized to {}", host, canonical);
        return canonical;
    }
}
