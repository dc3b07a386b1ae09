package dev.menagerie.server.impl.auth;

import dev.menagerie.api.auth.AuthId;
import dev.menagerie.api.auth.AuthenticationProvider;
import dev.menagerie.api.auth.ConnectionInfo;

import java.util.List;

/**
 * The {@code world} scheme. Apache registers no provider for it: {@code world:anyone} is special-cased by the ACL
 * check and by ACL validation, an auth packet for {@code world} fails, and {@code world:<anything else>} is an invalid
 * ACL. This provider behaves the same way, so registering it changes nothing a client can observe.
 */
public final class WorldAuthenticationProvider implements AuthenticationProvider {
    public static final String SCHEME = "world";
    public static final String ANYONE = "anyone";

    @Override
    public String scheme() {
        return SCHEME;
    }

    /** Nobody authenticates as the world; everybody already is. */
    @Override
    public List<AuthId> authenticate(byte[] authData, ConnectionInfo connection) {
        return List.of();
    }

    @Override
    public boolean matches(String id, String aclExpression) {
        return ANYONE.equals(aclExpression);
    }

    @Override
    public boolean isAuthenticated() {
        return false;
    }

    @Override
    public boolean isValid(String id) {
        return ANYONE.equals(id);
    }
}
