package dev.menagerie.quorum.impl.sasl;

import java.util.Map;
import java.util.Set;
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
 * authorized only as the user it authenticated as. For Kerberos (GSSAPI) the peer must also be a
 * {@code service/host@REALM} principal whose host is one of the server.N host names, as Apache checks.
 */
final class ServerCallbacks implements CallbackHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ServerCallbacks.class);

    private final Map<String, String> users;
    /** GSSAPI: the server.N host names; DIGEST-MD5: null (no host check). */
    private final Set<String> authorizedHosts;
    private String user;

    ServerCallbacks(Map<String, String> users, Set<String> authorizedHosts) {
        this.users = users;
        this.authorizedHosts = authorizedHosts;
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
                boolean allowed = same && (authorizedHosts == null || hostAllowed(authorize.getAuthorizationID()));
                authorize.setAuthorized(allowed);
                if (allowed) {
                    authorize.setAuthorizedID(authorize.getAuthorizationID());
                }
            } else {
                throw new UnsupportedCallbackException(callback, "not a DIGEST-MD5 server callback");
            }
        }
    }

    private boolean hostAllowed(String principal) {
        String[] parts = principal.split("[/@]");
        boolean allowed = parts.length == 3 && authorizedHosts.contains(parts[1]);
        if (!allowed) {
            LOG.error("Quorum SASL: {} authenticated but is not authorized: its host is not a server.N host {}",
                    principal, authorizedHosts);
        }
        return allowed;
    }
}
