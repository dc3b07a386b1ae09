package dev.menagerie.server.impl.pipeline;

import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.txn.TxnHeader;
import dev.menagerie.server.impl.audit.AuditLog;
import dev.menagerie.server.impl.audit.AuditRecord;
import dev.menagerie.server.impl.audit.AuditRecord.Result;
import dev.menagerie.server.impl.auth.ProviderRegistry;
import dev.menagerie.server.impl.op.WriteOperation;
import dev.menagerie.server.impl.tree.ProcessTxnResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit events of a client's write, written when the server the client is connected to answers it, as
 * Apache's FinalRequestProcessor does; each operation says which lines it writes (reads, checks and session
 * requests write none).
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
    void answered(Request request, WriteOperation write, TxnHeader header, ProcessTxnResult result) {
        ClientLink client = request.client();
        if (!log.enabled() || client == null) {
            return;
        }
        try {
            write.audit((operation, path, nodeType, acl, success) -> log.write(new AuditRecord(
                    AuditRecord.sessionText(request.sessionId()), providers.auditUsers(request.authIds()),
                    client.remoteAddress(), operation, path, nodeType, acl,
                    success ? Result.SUCCESS : Result.FAILURE)), header.type() == OpCode.ERROR, result);
        } catch (RuntimeException e) {
            // Auditing must never fail the write it describes.
            LOG.warn("Could not write the audit event for {}: {}", request, e.toString());
        }
    }
}
