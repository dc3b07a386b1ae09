package dev.menagerie.server.impl.auth;

import java.util.Map;
import java.util.Optional;

import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.sasl.AuthorizeCallback;
import javax.security.sasl.RealmCallback;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the JDK DIGEST-MD5 server's questions for one negotiation, as Apache's {@code SaslServerCallbackHandler}:
 * the password of a user listed in the JAAS section (for {@code super}, {@code SASLAuthenticationProvider.superPassword}
 * when set), the client's realm, and the authorized id ({@link PrincipalNames}).
 *
 * <p>One deliberate difference: when no {@code auth_to_local} rule maps the authentication id, Apache still authorizes
 * the client as whatever authorization id it sent; we only accept an authorization id equal to the authentication id.
 */
final class DigestCallbacks implements CallbackHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DigestCallbacks.class);
    static final String SUPER_USER_NAME = "super";

    private final Map<String, String> passwords;
    private final String superPassword;
    private final PrincipalNames names;
    private String userName;

    DigestCallbacks(Map<String, String> passwords, String superPassword, PrincipalNames names) {
        this.passwords = passwords;
        this.superPassword = superPassword;
        this.names = names;
    }

    @Override
    public void handle(Callback[] callbacks) {
        // The JDK asks for realm, name and password in one call; the password depends on the name.
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback name) {
                name(name);
            }
        }
        for (Callback callback : callbacks) {
            if (callback instanceof PasswordCallback password) {
                password(password);
            } else if (callback instanceof RealmCallback realm) {
                realm.setText(realm.getDefaultText());
            } else if (callback instanceof AuthorizeCallback authorize) {
                authorize(authorize);
            }
        }
    }

    private void name(NameCallback callback) {
        String requested = callback.getDefaultName();
        if (!passwords.containsKey(requested)) {
            LOG.warn("SASL user '{}' is not in the JAAS section's user_<name> entries", requested);
            return;
        }
        callback.setName(requested);
        userName = requested;
    }

    private void password(PasswordCallback callback) {
        if (SUPER_USER_NAME.equals(userName) && superPassword != null) {
            callback.setPassword(superPassword.toCharArray());
        } else if (userName != null) {
            callback.setPassword(passwords.get(userName).toCharArray());
        }
        // No password: the DIGEST-MD5 server fails the negotiation.
    }

    private void authorize(AuthorizeCallback callback) {
        String authenticationId = callback.getAuthenticationID();
        Optional<String> authorized;
        try {
            authorized = names.authorizedId(authenticationId);
        } catch (IllegalArgumentException e) {
            LOG.warn("SASL authentication id '{}' cannot be mapped: {}", authenticationId, e.getMessage());
            authorized = Optional.empty();
        }
        if (authorized.isPresent()) {
            callback.setAuthorized(true);
            callback.setAuthorizedID(authorized.get());
            return;
        }
        boolean sameId = authenticationId.equals(callback.getAuthorizationID());
        LOG.warn("No auth_to_local rule maps SASL authentication id '{}'; {}", authenticationId,
                sameId ? "using it unchanged" : "refusing authorization id '" + callback.getAuthorizationID() + "'");
        callback.setAuthorized(sameId);
    }
}
