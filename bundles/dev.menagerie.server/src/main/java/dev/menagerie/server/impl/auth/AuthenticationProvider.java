package dev.menagerie.server.impl.auth;

import dev.menagerie.protocol.data.Id;

import java.util.List;

/** One ACL scheme, as Apache ZooKeeper's {@code AuthenticationProvider}. */
public interface AuthenticationProvider {
    /** The scheme, the {@code scheme} of the ids this provider issues and matches. */
    String scheme();

    /**
     * Checks an auth packet's data (or, for x509, the connection's certificate).
     *
     * @return the ids the connection gains, or an empty list if authentication failed (AUTHFAILED)
     */
    List<Id> authenticate(byte[] authData, ConnectionInfo connection);

    /** True if an authenticated {@code id} satisfies the ACL entry's id {@code aclExpression}. */
    boolean matches(String id, String aclExpression);

    /** True if the ids this provider issues identify a user, so that the {@code auth} ACL scheme may use them. */
    boolean isAuthenticated();

    /** True if {@code id} is well formed for an ACL of this scheme. */
    boolean isValid(String id);

    /** The user part of an id, for whoAmI; most schemes use the whole id. */
    default String userName(String id) {
        return id;
    }
}
