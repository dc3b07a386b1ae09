package dev.menagerie.server.impl.auth;

import java.util.Map;

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
 * when set), the client's realm, and the authorized id ({@link PrincipalNames#authorize}).
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
                names.authorize(authorize);
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
}
