package dev.menagerie.server.impl.pipeline;

import dev.menagerie.protocol.ErrorCode;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.Xids;
import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.txn.ErrorTxn;
import dev.menagerie.protocol.txn.TxnHeader;
import dev.menagerie.server.impl.tree.DataTree;
import dev.menagerie.server.impl.tree.ProcessTxnResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers clients as Apache's FinalRequestProcessor does, for the commit stage and the learner stage alike. */
final class Replies {

    private static final Logger LOG = LoggerFactory.getLogger(Replies.class);
    private final DataTree tree;
    private final ReadHandler reads;
    private final WriteAudit audit;

    Replies(DataTree tree, ReadHandler reads, WriteAudit audit) {
        this.tree = tree;
        this.reads = reads;
        this.audit = audit;
    }

    /** Answers a write once its transaction ({@code request.txn()}) is applied with {@code result}. */
    void answerWrite(Request request, TxnHeader header, ProcessTxnResult result) {
        ClientLink client = request.client();
        if (client == null) {
            return;
        }
        audit.answered(request, header, result);
        switch (request.type()) {
            case OpCode.CREATE_SESSION -> {
                client.sessionEstablished(true);
                client.requestDone(request.type(), header.zxid(), elapsedMs(request));
            }
            case OpCode.CLOSE_SESSION -> {
                reply(request, 0, null);
                client.closeAfterReplies();
            }
            case OpCode.MULTI -> {
                if (header.type() == OpCode.ERROR) {
                    reply(request, ((ErrorTxn) request.txn()).err(), null);
                } else {
                    // As Apache's FinalRequestProcessor: a multi that failed part-way still answers OK with every
                    // op's result; the client takes the first error result as the outcome.
                    reply(request, 0, WriteReplies.body(request.type(), result));
                }
            }
            default -> {
                int err = header.type() == OpCode.ERROR ? ((ErrorTxn) request.txn()).err() : result.err();
                JuteRecord body = err == 0 ? WriteReplies.body(request.type(), result) : null;
                reply(request, err, body);
            }
        }
    }

    void read(Request request) {
        if (request.type() == OpCode.PING) {
            ClientLink client = request.client();
            if (client != null) {
                client.reply(Xids.PING, tree.lastProcessedZxid(), 0, null);
                client.requestDone(request.type(), tree.lastProcessedZxid(), elapsedMs(request));
            }
            return;
        }
        ReadHandler.Reply reply;
        try {
            reply = reads.handle(request);
        } catch (JuteException e) {
            LOG.info("Request {} does not decode: {}", request, e.getMessage());
            reply = ReadHandler.Reply.error(ErrorCode.MARSHALLINGERROR);
        }
        reply(request, reply.err(), reply.err() == 0 ? reply.body() : null);
    }

    void reply(Request request, int err, JuteRecord body) {
        ClientLink client = request.client();
        if (client == null) {
            return;
        }
        long zxid = tree.lastProcessedZxid();
        client.reply(request.xid(), zxid, err, body);
        client.requestDone(request.type(), zxid, elapsedMs(request));
    }

    private static long elapsedMs(Request request) {
        return (System.nanoTime() - request.receivedNanos()) / 1_000_000;
    }
}
