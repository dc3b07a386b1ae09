package dev.menagerie.server.impl.op;

import dev.menagerie.protocol.CreateMode;
import dev.menagerie.protocol.ErrorCode;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.Perms;
import dev.menagerie.protocol.data.ACL;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;
import dev.menagerie.protocol.proto.Create2Response;
import dev.menagerie.protocol.proto.CreateRequest;
import dev.menagerie.protocol.proto.CreateResponse;
import dev.menagerie.protocol.proto.CreateTTLRequest;
import dev.menagerie.protocol.txn.CreateContainerTxn;
import dev.menagerie.protocol.txn.CreateTTLTxn;
import dev.menagerie.protocol.txn.CreateTxn;
import dev.menagerie.server.impl.tree.NodeKind;
import dev.menagerie.server.impl.tree.ProcessTxnResult;
import java.util.List;
import java.util.Locale;

/**
 * create, create2, createContainer and createTTL: one node under an existing parent.
 *
 * @param ttl the createTTL request's time to live; -1 for the other three
 */
public record Create(int opCode, String path, byte[] data, List<ACL> acl, int flags, long ttl)
        implements WriteOperation, MultiPart {

    static Create of(int opCode, CreateRequest request) {
        return new Create(opCode, request.path(), request.data(), request.acl(), request.flags(), -1);
    }

    static Create of(CreateTTLRequest request) {
        return new Create(OpCode.CREATE_TTL, request.path(), request.data(), request.acl(), request.flags(),
                request.ttl());
    }

    @Override
    public JuteRecord prepare(Preparation prep, TxnStamp stamp) throws KeeperFailure {
        PrepSettings settings = prep.settings();
        CreateMode mode = CreateMode.fromFlag(flags);
        if (mode == null) {
            throw new KeeperFailure(ErrorCode.BADARGUMENTS, path);
        }
        ErrorCode ttlProblem = mode.validate(ttl, settings.extendedTypesEnabled());
        if (ttlProblem != ErrorCode.OK) {
            throw new KeeperFailure(ttlProblem, path);
        }
        if (opCode == OpCode.CREATE_TTL && !mode.isTTL()) {
            // Apache 3.9.5 accepts this and then dies applying it; a clear error is the only safe answer.
            throw new KeeperFailure(ErrorCode.BADARGUMENTS, path);
        }
        String parentPath = Preparation.parentForCreate(path);
        List<ACL> fixedAcl = prep.fixup(path, acl, stamp.authIds());
        ChangeRecord parent = prep.existing(parentPath);
        prep.requirePermission(parent.acl, Perms.CREATE, stamp.authIds(), path);
        String created = mode.isSequential()
                ? path + String.format(Locale.ENGLISH, "%010d", parent.persistedCversion) : path;
        Preparation.requireValidPath(created);
        if (prep.pending().lookup(created) != null) {
            throw new KeeperFailure(ErrorCode.NODEEXISTS, created);
        }
        if (NodeKind.of(parent.ephemeralOwner, settings.extendedTypesEnabled()) == NodeKind.NORMAL) {
            throw new KeeperFailure(ErrorCode.NOCHILDRENFOREPHEMERALS, created);
        }
        int newCversion = parent.persistedCversion + 1;
        if (settings.enforceQuota() && prep.quotas().checkCreate(created, data) != ErrorCode.OK) {
            throw new KeeperFailure(ErrorCode.QUOTAEXCEEDED, created);
        }
        recordCreation(prep, stamp, parent, created, fixedAcl, newCversion, ephemeralOwner(mode, stamp));
        if (opCode == OpCode.CREATE_CONTAINER) {
            return new CreateContainerTxn(created, data, fixedAcl, newCversion);
        } else if (opCode == OpCode.CREATE_TTL) {
            return new CreateTTLTxn(created, data, fixedAcl, newCversion, ttl);
        }
        return new CreateTxn(created, data, fixedAcl, mode.isEphemeral(), newCversion);
    }

    private long ephemeralOwner(CreateMode mode, TxnStamp stamp) {
        if (mode.isContainer()) {
            return CreateMode.CONTAINER_EPHEMERAL_OWNER;
        } else if (mode.isTTL()) {
            return CreateMode.ttlEphemeralOwner(ttl);
        }
        return mode.isEphemeral() ? stamp.sessionId() : 0;
    }

    private void recordCreation(Preparation prep, TxnStamp stamp, ChangeRecord parent, String created,
            List<ACL> fixedAcl, int newCversion, long ephemeralOwner) {
        long zxid = stamp.zxid();
        ChangeRecord newParent = parent.duplicate(zxid);
        newParent.childCount++;
        newParent.persistedCversion = newCversion;
        newParent.pzxid = zxid;
        prep.pending().add(newParent, parent);
        ChangeRecord node = new ChangeRecord(zxid, created, true);
        node.czxid = zxid;
        node.mzxid = zxid;
        node.pzxid = zxid;
        node.ctime = stamp.timeMs();
        node.mtime = stamp.timeMs();
        node.ephemeralOwner = ephemeralOwner;
        node.acl = fixedAcl;
        node.data = data;
        prep.pending().add(node, null);
    }

    @Override
    public JuteRecord replyBody(ProcessTxnResult result) {
        return opCode == OpCode.CREATE ? new CreateResponse(result.path())
                : new Create2Response(result.path(), result.stat());
    }

    @Override
    public void audit(AuditTrail trail, boolean failed, ProcessTxnResult result) {
        trail.write("create", path, modeText(), null, failed, result);
    }

    /** Apache's {@code CreateMode} name in lower case; null (field left out) for flags no mode has. */
    String modeText() {
        CreateMode mode = CreateMode.fromFlag(flags);
        return mode == null ? null : mode.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void write(JuteWriter out) {
        if (opCode == OpCode.CREATE_TTL) {
            new CreateTTLRequest(path, data, acl, flags, ttl).write(out);
        } else {
            new CreateRequest(path, data, acl, flags).write(out);
        }
    }
}
