package dev.menagerie.quorum.impl.sasl;

import java.util.Map;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.sasl.AuthorizeCallback;
import javax.security.sasl.RealmCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DIGEST-MD5 server's questions for one negotiation, answered from the server section's users as Apache's
 * SaslQuorumServerCallbackHandler does: an unknown user gets no password (the negotiation fails), and a peer is
 * authorized only as the user it authenticated as. Apache's host checks apply to Kerberos principals only.
 */
final class ServerCallbacks implements CallbackHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ServerCallbacks.class);

    private final Map<String, String> users;
    private String user;

    ServerCallbacks(Map<String, String> users) {
        this.users = users;
    }

    @Override
    public void handle(Callback[] callbacks) throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback name) {
                String asked = name.getDefaultName();
                if (users.containsKey(asked)) {
                    name.setName(asked);
                    user = asked;
                } else {
                    LOG.debug("A peer asked to authenticate as unknown user '{}'", asked);
                }
            } else if (callback instanceof PasswordCallback password) {
                String known = user == null ? null : users.get(user);
                if (known != null) {
                    password.setPassword(known.toCharArray());
                }
            } else if (callback instanceof RealmCallback realm) {
                realm.setText(realm.getDefaultText());
            } else if (callback instanceof AuthorizeCallback authorize) {
                boolean same = authorize.getAuthenticationID().equals(authorize.getAuthorizationID());
                authorize.setAuthorized(same);
                if (same) {
                    authorize.setAuthorizedID(authorize.getAuthorizationID());
                }
            } else {
                throw new UnsupportedCallbackException(callback, "not a DIGEST-MD5 server callback");
            }
        }
    }
}
