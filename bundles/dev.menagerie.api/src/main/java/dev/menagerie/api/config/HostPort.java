package dev.menagerie.api.config;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A host name or literal address with a port, kept unresolved: names are resolved when a socket is opened, so a
 * name that does not resolve yet (a pod that is still starting) does not make the configuration invalid.
 *
 * @param host a host name, an IPv4 literal or an IPv6 literal without brackets; never null
 * @param port 0 to 65535 (0 asks the operating system for a free port)
 */
public record HostPort(String host, int port) {

    public HostPort {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range 0-65535: " + port);
        }
    }

    /** An unresolved socket address for this host and port. */
    public InetSocketAddress toUnresolved() {
        return InetSocketAddress.createUnresolved(host, port);
    }

    /** Resolves the host now; the result may be unresolved when the name is unknown. */
    public InetSocketAddress resolve() {
        return new InetSocketAddress(host, port);
    }

    /** {@code host:port}, with IPv6 literals in brackets. */
    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
