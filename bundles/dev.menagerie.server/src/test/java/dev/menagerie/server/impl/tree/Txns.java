package dev.menagerie.server.impl.tree;

import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.data.Ids;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.txn.CreateTxn;
import dev.menagerie.protocol.txn.DeleteTxn;
import dev.menagerie.protocol.txn.SetDataTxn;
import dev.menagerie.protocol.txn.TxnHeader;
import java.nio.charset.StandardCharsets;

/** Applies hand-written transactions with consecutive zxids, as a small test fixture. */
final class Txns {
    static final long SESSION = 0x0100000000000042L;
    static final long TIME_MS = 1_700_000_000_000L;

    final DataTree tree;
    long zxid = 0x500000000L;

    Txns(DataTree tree) {
        this.tree = tree;
    }

    ProcessTxnResult apply(int type, JuteRecord txn) {
        return apply(type, txn, SESSION);
    }

    ProcessTxnResult apply(int type, JuteRecord txn, long session) {
        zxid++;
        return tree.apply(new TxnHeader(session, 1, zxid, TIME_MS + zxid, type), txn);
    }

    /** A persistent create as prep builds it: the parent's cversion plus one. */
    ProcessTxnResult create(String path, String data) {
        return apply(OpCode.CREATE, new CreateTxn(path, bytes(data), Ids.OPEN_ACL_UNSAFE, false,
                tree.node(parent(path)).persistedCversion() + 1));
    }

    ProcessTxnResult ephemeral(String path, long session) {
        return apply(OpCode.CREATE, new CreateTxn(path, new byte[0], Ids.OPEN_ACL_UNSAFE, true,
                tree.node(parent(path)).persistedCversion() + 1), session);
    }

    ProcessTxnResult delete(String path) {
        return apply(OpCode.DELETE, new DeleteTxn(path));
    }

    ProcessTxnResult setData(String path, String data) {
        return apply(OpCode.SET_DATA, new SetDataTxn(path, bytes(data), tree.stat(path).version() + 1));
    }

    static String parent(String path) {
        return path.substring(0, path.lastIndexOf('/'));
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
