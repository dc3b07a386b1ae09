package dev.menagerie.server.impl.watch;

import dev.menagerie.protocol.Perms;
import dev.menagerie.protocol.data.ACL;
import dev.menagerie.server.impl.auth.AclChecker;

import java.util.List;

/**
 * Apache 3.9's delivery rule: a connection is sent a node event only if its ids have READ on the ACL the event is
 * checked against; otherwise the event is dropped silently (the one-shot watch is still consumed).
 */
public final class ReadAclDeliveryFilter implements WatchDeliveryFilter {
    private final AclChecker aclChecker;

    public ReadAclDeliveryFilter(AclChecker aclChecker) {
        this.aclChecker = aclChecker;
    }

    @Override
    public boolean mayDeliver(Watcher watcher, String path, List<ACL> nodeAcl) {
        return aclChecker.isAllowed(nodeAcl, Perms.READ, watcher.authInfo());
    }
}
