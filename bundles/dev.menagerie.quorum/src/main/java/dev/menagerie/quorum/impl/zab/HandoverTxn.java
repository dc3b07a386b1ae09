package dev.menagerie.quorum.impl.zab;

import dev.menagerie.protocol.ErrorCode;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.jute.JuteWriter;
import dev.menagerie.protocol.txn.ErrorTxn;
import dev.menagerie.protocol.txn.TxnHeader;

/**
 * The proposal a leader sends only to the target of a leadership transfer: an error transaction of no session,
 * which every server applies as Apache's DataTree does an {@code OpCode.error} one, by changing nothing but the last
 * processed zxid. Only the target logs it, so the target alone holds the highest zxid and every voter's election
 * order (epoch, zxid, id) prefers it; the next leader's history commits it everywhere. It carries no digest, which
 * Apache's and our readers accept (the digest after the body is optional).
 */
final class HandoverTxn {

    private HandoverTxn() {
    }

    static byte[] bytes(long zxid, long wallTimeMs) {
        JuteWriter writer = new JuteWriter(TxnHeader.SIZE_BYTES + 4);
        new TxnHeader(0, 0, zxid, wallTimeMs, OpCode.ERROR).write(writer);
        new ErrorTxn(ErrorCode.OK.code()).write(writer);
        return writer.toByteArray();
    }
}
