package dev.menagerie.server.impl.pipeline;

import dev.menagerie.protocol.CreateMode;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.proto.CreateRequest;
import dev.menagerie.protocol.proto.CreateTTLRequest;
import dev.menagerie.protocol.proto.DeleteRequest;
import dev.menagerie.protocol.proto.SetACLRequest;
import dev.menagerie.protocol.proto.SetDataRequest;
import dev.menagerie.protocol.txn.TxnHeader;
import dev.menagerie.server.impl.audit.AuditLog;
import dev.menagerie.server.impl.audit.AuditRecord;
import dev.menagerie.server.impl.audit.AuditRecord.Result;
import dev.menagerie.server.impl.auth.ProviderRegistry;
import dev.menagerie.server.impl.tree.ProcessTxnResult;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit events of a client's write, written when the server the client is connected to answers it, as
 * Apache's FinalRequestProcessor does: create, delete, setData, setAcl, multi and reconfig; reads, checks and
 * session requests are not audited. A failed write names the path the client asked for; a successful one the
 * path the transaction touched (a sequential create's full name).
 */
final class WriteAudit {

    private static final Logger LOG = LoggerFactory.getLogger(WriteAudit.class);
    private final AuditLog log;
    private final ProviderRegistry providers;

    WriteAudit(AuditLog log, ProviderRegistry providers) {
        this.log = log;
        this.providers = providers;
    }

    /** @param header the transaction's header: {@code OpCode.ERROR} when prep refused the write */
    void answered(Request request, TxnHeader header, ProcessTxnResult result) {
        if (!log.enabled() || request.client() == null) {
            return;
        }
        try {
            audit(request, header.type() == OpCode.ERROR, result);
        } catch (JuteException | RuntimeException e) {
            // Auditing must never fail the write it describes; prep already decoded this body once.
            LOG.warn("Could not write the audit event for {}: {}", request, e.toString());
        }
    }

    private void audit(Request request, boolean failed, ProcessTxnResult result) throws JuteException {
        int type = request.type();
        Result outcome = failed || result.err() != 0 ? Result.FAILURE : Result.SUCCESS;
        switch (type) {
            case OpCode.CREATE, OpCode.CREATE2, OpCode.CREATE_CONTAINER, OpCode.CREATE_TTL -> {
                JuteRecord body = decode(request);
                String path = failed ? requestPath(body) : result.path();
                write(request, "create", path, modeText(createFlags(body)), null, outcome);
            }
            case OpCode.DELETE, OpCode.DELETE_CONTAINER, OpCode.SET_DATA -> {
                String path = failed ? requestPath(decode(request)) : result.path();
                write(request, type == OpCode.SET_DATA ? "setData" : "delete", path, null, null, outcome);
            }
            case OpCode.SET_ACL -> {
                SetACLRequest body = (SetACLRequest) decode(request);
                String path = failed ? body.path() : result.path();
                write(request, "setAcl", path, null, AuditRecord.aclText(body.acl()), outcome);
            }
            case OpCode.MULTI -> {
                if (failed) {
                    write(request, "multiOperation", null, null, null, Result.FAILURE);
                } else {
                    multi(request, result);
                }
            }
            // A refused reconfig has no result path, so Apache's line has no znode either.
            case OpCode.RECONFIG -> write(request, "reconfig", failed ? null : result.path(), null, null, outcome);
            default -> {
                // not audited
            }
        }
    }

    /**
     * A multi that went through is audited op by op; one that failed (every op then carries an error) as a single
     * multiOperation failure. As in Apache, a create's node type is looked up by the path the client gave, so a
     * sequential or TTL create inside a multi is written without one.
     */
    private void multi(Request request, ProcessTxnResult result) throws JuteException {
        Map<String, String> modes = multiCreateModes(request);
        boolean failed = false;
        for (ProcessTxnResult op : result.multiResult()) {
            switch (op.type()) {
                case OpCode.CREATE, OpCode.CREATE2, OpCode.CREATE_TTL, OpCode.CREATE_CONTAINER ->
                        write(request, "create", op.path(), modes.get(op.path()), null, Result.SUCCESS);
                case OpCode.DELETE, OpCode.DELETE_CONTAINER ->
                        write(request, "delete", op.path(), null, null, Result.SUCCESS);
                case OpCode.SET_DATA -> write(request, "setData", op.path(), null, null, Result.SUCCESS);
                case OpCode.ERROR -> failed = true;
                default -> {
                    // checks are not audited
                }
            }
        }
        if (failed) {
            write(request, "multiOperation", null, null, null, Result.FAILURE);
        }
    }

    private static Map<String, String> multiCreateModes(Request request) throws JuteException {
        Map<String, String> modes = new HashMap<>();
        for (MultiOps.Op op : MultiOps.read(reader(request))) {
            if (op.request() instanceof CreateRequest create) {
                modes.put(create.path(), modeText(create.flags()));
            }
        }
        return modes;
    }

    private void write(Request request, String operation, String path, String nodeType, String acl,
            Result outcome) {
        ClientLink client = request.client();
        log.write(new AuditRecord(AuditRecord.sessionText(request.sessionId()),
                providers.auditUsers(request.authIds()), client.remoteAddress(), operation, path, nodeType, acl,
                outcome));
    }

    private static JuteRecord decode(Request request) throws JuteException {
        return PrepStage.decode(request.type(), reader(request));
    }

    private static JuteReader reader(Request request) {
        byte[] body = request.body();
        // Prep accepted this body, so no field in it can be longer than the body itself.
        return new JuteReader(ByteBuffer.wrap(body), body.length);
    }

    private static String requestPath(JuteRecord body) {
        if (body instanceof CreateRequest create) {
            return create.path();
        } else if (body instanceof CreateTTLRequest create) {
            return create.path();
        } else if (body instanceof DeleteRequest delete) {
            return delete.path();
        } else if (body instanceof SetDataRequest setData) {
            return setData.path();
        } else if (body instanceof TxnPreparer.PathOnly pathOnly) {
            return pathOnly.path();
        }
        return null;
    }

    private static int createFlags(JuteRecord body) {
        return body instanceof CreateTTLRequest ttl ? ttl.flags() : ((CreateRequest) body).flags();
    }

    /** Apache's {@code CreateMode} name in lower case; null (field left out) for flags no mode has. */
    private static String modeText(int flags) {
        CreateMode mode = CreateMode.fromFlag(flags);
        return mode == null ? null : mode.name().toLowerCase(Locale.ROOT);
    }
}
