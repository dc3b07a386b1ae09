package dev.menagerie.server.impl.pipeline;

import dev.menagerie.protocol.CreateMode;
import dev.menagerie.protocol.ErrorCode;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.Perms;
import dev.menagerie.protocol.data.ACL;
import dev.menagerie.protocol.data.Id;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.proto.CheckVersionRequest;
import dev.menagerie.protocol.proto.CreateRequest;
import dev.menagerie.protocol.proto.CreateTTLRequest;
import dev.menagerie.protocol.proto.DeleteRequest;
import dev.menagerie.protocol.proto.SetACLRequest;
import dev.menagerie.protocol.proto.SetDataRequest;
import dev.menagerie.protocol.txn.CheckVersionTxn;
import dev.menagerie.protocol.txn.CreateContainerTxn;
import dev.menagerie.protocol.txn.CreateTTLTxn;
import dev.menagerie.protocol.txn.CreateTxn;
import dev.menagerie.protocol.txn.DeleteTxn;
import dev.menagerie.protocol.txn.SetACLTxn;
import dev.menagerie.protocol.txn.SetDataTxn;
import dev.menagerie.server.impl.auth.AclChecker;
import dev.menagerie.server.impl.auth.InvalidAclException;
import dev.menagerie.server.impl.tree.NodeKind;
import dev.menagerie.server.impl.tree.QuotaCheck;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns one write operation into its transaction, checking it as Apache ZooKeeper's PrepRequestProcessor does and
 * in the same order (so the same request fails with the same error), and records the expected result in
 * {@link PendingChanges}. A failure is a {@link KeeperFailure}; the caller logs it as an error transaction, which
 * consumes the zxid as in Apache.
 */
final class TxnPreparer {

    /** Nodes that can never be deleted. */
    private static final Set<String> SPECIAL_PATHS = Set.of("/", "/zookeeper", "/zookeeper/quota",
            "/zookeeper/config");

    private final PendingChanges pending;
    private final AclChecker acls;
    private final QuotaCheck quotas;
    private final PrepSettings settings;

    TxnPreparer(PendingChanges pending, AclChecker acls, QuotaCheck quotas, PrepSettings settings) {
        this.pending = pending;
        this.acls = acls;
        this.quotas = quotas;
        this.settings = settings;
    }

    /** The transaction for one write op; {@code zxid} and {@code timeMs} are the request's header values. */
    JuteRecord prepare(int type, JuteRecord request, long sessionId, List<Id> authIds, long zxid, long timeMs)
            throws KeeperFailure {
        return switch (type) {
            case OpCode.CREATE, OpCode.CREATE2, OpCode.CREATE_CONTAINER, OpCode.CREATE_TTL ->
                    create(type, request, sessionId, authIds, zxid, timeMs);
            case OpCode.DELETE -> delete((DeleteRequest) request, authIds, zxid);
            case OpCode.DELETE_CONTAINER -> deleteContainer((String) ((PathOnly) request).path(), zxid);
            case OpCode.SET_DATA -> setData((SetDataRequest) request, authIds, zxid, timeMs);
            case OpCode.SET_ACL -> setAcl((SetACLRequest) request, authIds, zxid);
            case OpCode.CHECK -> check((CheckVersionRequest) request, authIds);
            default -> throw new KeeperFailure(ErrorCode.UNIMPLEMENTED);
        };
    }

    /** A request body that is only a path (deleteContainer, which no jute record describes). */
    record PathOnly(String path) implements JuteRecord {
        @Override
        public void write(dev.menagerie.protocol.jute.JuteWriter writer) {
            writer.writeString(path);
        }
    }

    private JuteRecord create(int type, JuteRecord record, long sessionId, List<Id> authIds, long zxid,
            long timeMs) throws KeeperFailure {
        String path;
        byte[] data;
        List<ACL> acl;
        int flags;
        long ttl = -1;
        if (record instanceof CreateTTLRequest ttlRequest) {
            path = ttlRequest.path();
            data = ttlRequest.data();
            acl = ttlRequest.acl();
            flags = ttlRequest.flags();
            ttl = ttlRequest.ttl();
        } else {
            CreateRequest request = (CreateRequest) record;
            path = request.path();
            data = request.data();
            acl = request.acl();
            flags = request.flags();
        }
        CreateMode mode = CreateMode.fromFlag(flags);
        if (mode == null) {
            throw new KeeperFailure(ErrorCode.BADARGUMENTS, path);
        }
        ErrorCode ttlProblem = mode.validate(ttl, settings.extendedTypesEnabled());
        if (ttlProblem != ErrorCode.OK) {
            throw new KeeperFailure(ttlProblem, path);
        }
        if (type == OpCode.CREATE_TTL && !mode.isTTL()) {
            // Apache 3.9.5 accepts this and then dies applying it; a clear error is the only safe answer.
            throw new KeeperFailure(ErrorCode.BADARGUMENTS, path);
        }
        String parentPath = parentForCreate(path);
        List<ACL> fixedAcl = fixup(path, acl, authIds);
        ChangeRecord parent = existing(parentPath);
        requirePermission(parent.acl, Perms.CREATE, authIds, path);
        if (mode.isSequential()) {
            path = path + String.format(Locale.ENGLISH, "%010d", parent.persistedCversion);
        }
        requireValidPath(path);
        if (pending.lookup(path) != null) {
            throw new KeeperFailure(ErrorCode.NODEEXISTS, path);
        }
        if (NodeKind.of(parent.ephemeralOwner, settings.extendedTypesEnabled()) == NodeKind.NORMAL) {
            throw new KeeperFailure(ErrorCode.NOCHILDRENFOREPHEMERALS, path);
        }
        int newCversion = parent.persistedCversion + 1;
        if (settings.enforceQuota() && quotas.checkCreate(path, data) != ErrorCode.OK) {
            throw new KeeperFailure(ErrorCode.QUOTAEXCEEDED, path);
        }
        JuteRecord txn;
        long ephemeralOwner;
        if (type == OpCode.CREATE_CONTAINER) {
            txn = new CreateContainerTxn(path, data, fixedAcl, newCversion);
        } else if (type == OpCode.CREATE_TTL) {
            txn = new CreateTTLTxn(path, data, fixedAcl, newCversion, ttl);
        } else {
            txn = new CreateTxn(path, data, fixedAcl, mode.isEphemeral(), newCversion);
        }
        if (mode.isContainer()) {
            ephemeralOwner = CreateMode.CONTAINER_EPHEMERAL_OWNER;
        } else if (mode.isTTL()) {
            ephemeralOwner = CreateMode.ttlEphemeralOwner(ttl);
        } else {
            ephemeralOwner = mode.isEphemeral() ? sessionId : 0;
        }
        ChangeRecord newParent = parent.duplicate(zxid);
        newParent.childCount++;
        newParent.persistedCversion = newCversion;
        newParent.pzxid = zxid;
        pending.add(newParent, parent);
        ChangeRecord node = new ChangeRecord(zxid, path, true);
        node.czxid = zxid;
        node.mzxid = zxid;
        node.pzxid = zxid;
        node.ctime = timeMs;
        node.mtime = timeMs;
        node.ephemeralOwner = ephemeralOwner;
        node.acl = fixedAcl;
        node.data = data;
        pending.add(node, null);
        return txn;
    }

    private JuteRecord delete(DeleteRequest request, List<Id> authIds, long zxid) throws KeeperFailure {
        String path = request.path();
        String parentPath = parentForDelete(path);
        ChangeRecord parent = existing(parentPath);
        requirePermission(parent.acl, Perms.DELETE, authIds, path);
        ChangeRecord node = existing(path);
        checkVersion(node.version, request.version(), path);
        if (node.childCount > 0) {
            throw new KeeperFailure(ErrorCode.NOTEMPTY, path);
        }
        recordDeletion(parent, node, zxid);
        return new DeleteTxn(path);
    }

    private JuteRecord deleteContainer(String path, long zxid) throws KeeperFailure {
        String parentPath = parentForDelete(path);
        ChangeRecord node = existing(path);
        if (node.childCount > 0) {
            throw new KeeperFailure(ErrorCode.NOTEMPTY, path);
        }
        if (NodeKind.of(node.ephemeralOwner, settings.extendedTypesEnabled()) == NodeKind.NORMAL) {
            throw new KeeperFailure(ErrorCode.BADVERSION, path);
        }
        recordDeletion(existing(parentPath), node, zxid);
        return new DeleteTxn(path);
    }

    /** Apache's deleteNode: the child goes and the parent's pzxid moves to this zxid. */
    static void recordDeletion(PendingChanges pending, ChangeRecord parent, ChangeRecord node, long zxid) {
        ChangeRecord newParent = parent.duplicate(zxid);
        newParent.childCount--;
        newParent.pzxid = zxid;
        pending.add(newParent, parent);
        pending.add(ChangeRecord.deleted(zxid, node.path), node);
    }

    private void recordDeletion(ChangeRecord parent, ChangeRecord node, long zxid) {
        recordDeletion(pending, parent, node, zxid);
    }

    private JuteRecord setData(SetDataRequest request, List<Id> authIds, long zxid, long timeMs)
            throws KeeperFailure {
        String path = request.path();
        requireValidPath(path);
        ChangeRecord node = existing(path);
        requirePermission(node.acl, Perms.WRITE, authIds, path);
        if (settings.enforceQuota() && quotas.checkSetData(path, node.data, request.data()) != ErrorCode.OK) {
            throw new KeeperFailure(ErrorCode.QUOTAEXCEEDED, path);
        }
        int newVersion = checkVersion(node.version, request.version(), path);
        ChangeRecord changed = node.duplicate(zxid);
        changed.version = newVersion;
        changed.data = request.data();
        changed.mzxid = zxid;
        changed.mtime = timeMs;
        pending.add(changed, node);
        return new SetDataTxn(path, request.data(), newVersion);
    }

    private JuteRecord setAcl(SetACLRequest request, List<Id> authIds, long zxid) throws KeeperFailure {
        String path = request.path();
        requireValidPath(path);
        List<ACL> fixedAcl = fixup(path, request.acl(), authIds);
        ChangeRecord node = existing(path);
        requirePermission(node.acl, Perms.ADMIN, authIds, path);
        int newVersion = checkVersion(node.aversion, request.version(), path);
        ChangeRecord changed = node.duplicate(zxid);
        changed.aversion = newVersion;
        changed.acl = fixedAcl;
        pending.add(changed, node);
        return new SetACLTxn(path, fixedAcl, newVersion);
    }

    private JuteRecord check(CheckVersionRequest request, List<Id> authIds) throws KeeperFailure {
        String path = request.path();
        requireValidPath(path);
        ChangeRecord node = existing(path);
        requirePermission(node.acl, Perms.READ, authIds, path);
        return new CheckVersionTxn(path, checkVersion(node.version, request.version(), path));
    }

    private ChangeRecord existing(String path) throws KeeperFailure {
        ChangeRecord record = pending.lookup(path);
        if (record == null) {
            throw new KeeperFailure(ErrorCode.NONODE, path);
        }
        return record;
    }

    private void requirePermission(List<ACL> acl, int perm, List<Id> authIds, String path) throws KeeperFailure {
        if (!acls.isAllowed(acl, perm, authIds)) {
            throw new KeeperFailure(ErrorCode.NOAUTH, path);
        }
    }

    private List<ACL> fixup(String path, List<ACL> acl, List<Id> authIds) throws KeeperFailure {
        try {
            return acls.fixupAcl(path, acl, authIds);
        } catch (InvalidAclException e) {
            throw new KeeperFailure(ErrorCode.INVALIDACL, path);
        }
    }

    private static int checkVersion(int current, int expected, String path) throws KeeperFailure {
        if (expected != -1 && expected != current) {
            throw new KeeperFailure(ErrorCode.BADVERSION, path);
        }
        return current + 1;
    }

    private static void requireValidPath(String path) throws KeeperFailure {
        if (!PathValidator.isValid(path)) {
            throw new KeeperFailure(ErrorCode.BADARGUMENTS, path);
        }
    }

    /** Apache's validatePathForCreate: only a slash and no NUL are required here; the full check comes later. */
    private static String parentForCreate(String path) throws KeeperFailure {
        int lastSlash = path == null ? -1 : path.lastIndexOf('/');
        if (lastSlash == -1 || path.indexOf('\0') != -1) {
            throw new KeeperFailure(ErrorCode.BADARGUMENTS, path);
        }
        return path.substring(0, lastSlash);
    }

    private static String parentForDelete(String path) throws KeeperFailure {
        int lastSlash = path == null ? -1 : path.lastIndexOf('/');
        if (lastSlash == -1 || path.indexOf('\0') != -1 || SPECIAL_PATHS.contains(path)) {
            throw new KeeperFailure(ErrorCode.BADARGUMENTS, path);
        }
        return path.substring(0, lastSlash);
    }
}
