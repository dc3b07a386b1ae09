package dev.menagerie.server.impl.auth;

import dev.menagerie.api.auth.ConnectionInfo;
import dev.menagerie.protocol.data.Id;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The identities one connection holds, as Apache's {@code ServerCnxn} authInfo: a set, starting with
 * {@code ip:<client address>} (Apache adds it when the connection is accepted, so {@code ip} ACLs match without an auth
 * packet), growing with each successful auth packet, x509 handshake or SASL negotiation. Thread-safe.
 */
public final class AuthInfo {
    private final Set<Id> ids = new LinkedHashSet<>();

    /** The ids of a freshly accepted connection: its {@code ip} id. */
    public static AuthInfo forConnection(ConnectionInfo connection) {
        AuthInfo authInfo = new AuthInfo();
        authInfo.add(List.of(new Id(IpAuthenticationProvider.SCHEME, connection.remoteAddress())));
        return authInfo;
    }

    /** Adds ids (duplicates are ignored). */
    public synchronized void add(Collection<Id> newIds) {
        ids.addAll(newIds);
    }

    /** A snapshot, in the order the ids were gained; requests carry this with them. */
    public synchronized List<Id> ids() {
        return List.copyOf(ids);
    }
}
