package dev.menagerie.server.impl.op;

import dev.menagerie.protocol.ErrorCode;
import dev.menagerie.protocol.data.ACL;
import dev.menagerie.protocol.data.Id;
import dev.menagerie.server.impl.auth.AclChecker;
import dev.menagerie.server.impl.auth.InvalidAclException;
import dev.menagerie.server.impl.session.SessionTracker;
import dev.menagerie.server.impl.tree.QuotaCheck;
import java.util.List;
import java.util.Set;

/**
 * What a write operation prepares against: the changes prepared so far over the tree, the ACL, quota and session
 * checks, and the switches that change them. The checks fail with the error Apache's PrepRequestProcessor gives.
 */
public final class Preparation {

    /** Nodes that can never be deleted. */
    private static final Set<String> SPECIAL_PATHS = Set.of("/", "/zookeeper", "/zookeeper/quota",
            "/zookeeper/config");

    private final PendingChanges pending;
    private final AclChecker acls;
    private final QuotaCheck quotas;
    private final PrepSettings settings;
    private final SessionTracker sessions;

    public Preparation(PendingChanges pending, AclChecker acls, QuotaCheck quotas, PrepSettings settings,
            SessionTracker sessions) {
        this.pending = pending;
        this.acls = acls;
        this.quotas = quotas;
        this.settings = settings;
        this.sessions = sessions;
    }

    PendingChanges pending() {
        return pending;
    }

    QuotaCheck quotas() {
        return quotas;
    }

    PrepSettings settings() {
        return settings;
    }

    SessionTracker sessions() {
        return sessions;
    }

    ChangeRecord existing(String path) throws KeeperFailure {
        ChangeRecord record = pending.lookup(path);
        if (record == null) {
            throw new KeeperFailure(ErrorCode.NONODE, path);
        }
        return record;
    }

    void requirePermission(List<ACL> acl, int perm, List<Id> authIds, String path) throws KeeperFailure {
        if (!acls.isAllowed(acl, perm, authIds)) {
            throw new KeeperFailure(ErrorCode.NOAUTH, path);
        }
    }

    List<ACL> fixup(String path, List<ACL> acl, List<Id> authIds) throws KeeperFailure {
        try {
            return acls.fixupAcl(path, acl, authIds);
        } catch (InvalidAclException e) {
            throw new KeeperFailure(ErrorCode.INVALIDACL, path);
        }
    }

    /** Apache's deleteNode: the child goes and the parent's pzxid moves to this zxid. */
    void recordDeletion(ChangeRecord parent, ChangeRecord node, long zxid) {
        ChangeRecord newParent = parent.duplicate(zxid);
        newParent.childCount--;
        newParent.pzxid = zxid;
        pending.add(newParent, parent);
        pending.add(ChangeRecord.deleted(zxid, node.path), node);
    }

    static int checkVersion(int current, int expected, String path) throws KeeperFailure {
        if (expected != -1 && expected != current) {
            throw new KeeperFailure(ErrorCode.BADVERSION, path);
        }
        return current + 1;
    }

    static void requireValidPath(String path) throws KeeperFailure {
        if (!PathValidator.isValid(path)) {
            throw new KeeperFailure(ErrorCode.BADARGUMENTS, path);
        }
    }

    /** Apache's validatePathForCreate: only a slash and no NUL are required here; the full check comes later. */
    static String parentForCreate(String path) throws KeeperFailure {
        int lastSlash = path == null ? -1 : path.lastIndexOf('/');
        if (lastSlash == -1 || path.indexOf('\0') != -1) {
            throw new KeeperFailure(ErrorCode.BADARGUMENTS, path);
        }
        return path.substring(0, lastSlash);
    }

    static String parentForDelete(String path) throws KeeperFailure {
        int lastSlash = path == null ? -1 : path.lastIndexOf('/');
        if (lastSlash == -1 || path.indexOf('\0') != -1 || SPECIAL_PATHS.contains(path)) {
            throw new KeeperFailure(ErrorCode.BADARGUMENTS, path);
        }
        return path.substring(0, lastSlash);
    }
}
