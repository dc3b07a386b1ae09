package dev.menagerie.config.impl;

import dev.menagerie.api.config.HostPort;
import java.util.Optional;

/**
 * {@code clientPort}/{@code clientPortAddress} and {@code secureClientPort}/{@code secureClientPortAddress}. As in
 * Apache ZooKeeper a port of 0 or no port means "not configured", and an address without its port is an error.
 */
record ClientAddresses(Optional<HostPort> plain, Optional<HostPort> secure) {

    private static final String ANY_HOST = "0.0.0.0";

    static ClientAddresses read(Settings settings, String cnxnFactoryType) throws ConfigException {
        Optional<HostPort> plain = address(settings, "clientPort", "clientPortAddress");
        Optional<HostPort> secure = address(settings, "secureClientPort", "secureClientPortAddress");
        if (plain.isPresent() && secure.isPresent() && plain.get().port() == secure.get().port()) {
            throw settings.error("secureClientPort", "must differ from clientPort (" + plain.get().port()
                    + "); use client.portUnification=true to serve TLS and plain text on one port");
        }
        if (secure.isPresent() && cnxnFactoryType.equals("nio")) {
            throw settings.error("secureClientPort", "TLS needs serverCnxnFactory=netty (the nio transport has"
                    + " no TLS)");
        }
        Optional<Setting> unification = settings.fromFileOrProperty("client.portUnification",
                "zookeeper.client.portUnification");
        if (unification.isPresent() && Settings.bool(unification.get()) && cnxnFactoryType.equals("nio")) {
            throw unification.get().error("TLS on the client port needs serverCnxnFactory=netty (the nio transport"
                    + " has no TLS)");
        }
        int observerMasterPort = settings.integer("observerMasterPort", 0, 0, 65535);
        if (observerMasterPort != 0 && plain.isPresent() && plain.get().port() == observerMasterPort) {
            throw settings.error("observerMasterPort", "must differ from clientPort (" + observerMasterPort + ")");
        }
        return new ClientAddresses(plain, secure);
    }

    private static Optional<HostPort> address(Settings settings, String portKey, String hostKey)
            throws ConfigException {
        int port = settings.integer(portKey, 0, 0, 65535);
        Optional<Setting> host = settings.fromFile(hostKey);
        if (port == 0) {
            if (host.isPresent()) {
                throw host.get().error("is set but " + portKey + " is not");
            }
            return Optional.empty();
        }
        if (host.isEmpty()) {
            return Optional.of(new HostPort(ANY_HOST, port));
        }
        return Optional.of(new HostPort(hostName(host.get()), port));
    }

    /** A host name or IP literal; IPv6 may be written in brackets. */
    private static String hostName(Setting setting) throws ConfigException {
        String value = setting.value();
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        if (value.isEmpty() || value.chars().anyMatch(Character::isWhitespace) || value.contains("/")) {
            throw setting.invalid("a host name or IP address");
        }
        return value;
    }
}
