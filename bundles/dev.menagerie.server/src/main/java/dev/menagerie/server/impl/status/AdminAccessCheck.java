package dev.menagerie.server.impl.status;

import dev.menagerie.api.auth.ConnectionInfo;
import dev.menagerie.api.status.AdminAccess;
import dev.menagerie.protocol.data.ACL;
import dev.menagerie.protocol.data.Id;
import dev.menagerie.server.impl.auth.AclChecker;
import dev.menagerie.server.impl.auth.ProviderRegistry;
import dev.menagerie.server.impl.core.ZooKeeperServer;
import java.util.List;

/**
 * The check Apache ZooKeeper 3.9's admin server makes before {@code snapshot} and {@code restore}
 * ({@code Commands.handleAuthentication} and {@code handleAuthorization}): the scheme's provider turns the
 * credentials (for {@code x509}, the client certificate of the HTTPS request) into ids, and each asked permission
 * bit must be granted on its own by the node's ACL.
 */
final class AdminAccessCheck {

    private AdminAccessCheck() {
    }

    static AdminAccess check(ZooKeeperServer server, String scheme, byte[] credentials, ConnectionInfo connection,
            String path, int perms) {
        ProviderRegistry providers = server.providers();
        if (providers == null || providers.provider(scheme).isEmpty()) {
            return AdminAccess.NOT_AUTHENTICATED;
        }
        // Apache hands an absent credential to the provider as null; ours take an empty array for it.
        List<Id> ids = providers.authenticate(scheme, credentials, connection);
        if (ids.isEmpty()) {
            return AdminAccess.NOT_AUTHENTICATED;
        }
        List<ACL> acl = server.tree().acl(path);
        if (acl == null) {
            return AdminAccess.NO_NODE;
        }
        AclChecker checker = new AclChecker(providers, server.settings().skipAcl());
        for (int bit = 1; bit != 0 && bit <= perms; bit <<= 1) {
            if ((perms & bit) != 0 && !checker.isAllowed(acl, bit, ids)) {
                return AdminAccess.NOT_AUTHORIZED;
            }
        }
        return AdminAccess.GRANTED;
    }
}
