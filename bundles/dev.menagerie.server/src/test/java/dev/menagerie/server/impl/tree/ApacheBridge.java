package dev.menagerie.server.impl.tree;

import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.data.ACL;
import dev.menagerie.protocol.data.Stat;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;
import dev.menagerie.protocol.txn.TxnHeader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.zip.Adler32;
import java.util.zip.CheckedOutputStream;
import org.apache.jute.BinaryInputArchive;
import org.apache.jute.BinaryOutputArchive;
import org.apache.jute.Record;
import org.apache.zookeeper.server.DataTree;
import org.apache.zookeeper.server.persistence.FileHeader;
import org.apache.zookeeper.server.util.SerializeUtils;

/** Converts our protocol records into Apache's through their jute bytes, and drives Apache's tree. */
final class ApacheBridge {
    private ApacheBridge() {
    }

    static byte[] bytes(JuteRecord record) {
        JuteWriter writer = new JuteWriter();
        record.write(writer);
        return writer.toByteArray();
    }

    static <T extends Record> T convert(JuteRecord ours, T theirs) {
        try {
            theirs.deserialize(BinaryInputArchive.getArchive(new ByteArrayInputStream(bytes(ours))), "r");
            return theirs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static org.apache.zookeeper.txn.TxnHeader header(TxnHeader header) {
        return convert(header, new org.apache.zookeeper.txn.TxnHeader());
    }

    /** Apache's record for a body, as its SerializeUtils.deserializeTxn picks it. */
    static Record txn(int type, JuteRecord txn) {
        if (txn == null) {
            return null;
        }
        Record theirs = switch (type) {
            case OpCode.CREATE, OpCode.CREATE2 -> new org.apache.zookeeper.txn.CreateTxn();
            case OpCode.CREATE_TTL -> new org.apache.zookeeper.txn.CreateTTLTxn();
            case OpCode.CREATE_CONTAINER -> new org.apache.zookeeper.txn.CreateContainerTxn();
            case OpCode.DELETE, OpCode.DELETE_CONTAINER -> new org.apache.zookeeper.txn.DeleteTxn();
            case OpCode.SET_DATA, OpCode.RECONFIG -> new org.apache.zookeeper.txn.SetDataTxn();
            case OpCode.SET_ACL -> new org.apache.zookeeper.txn.SetACLTxn();
            case OpCode.ERROR -> new org.apache.zookeeper.txn.ErrorTxn();
            case OpCode.MULTI -> new org.apache.zookeeper.txn.MultiTxn();
            case OpCode.CHECK -> new org.apache.zookeeper.txn.CheckVersionTxn();
            case OpCode.CREATE_SESSION -> new org.apache.zookeeper.txn.CreateSessionTxn();
            case OpCode.CLOSE_SESSION -> new org.apache.zookeeper.txn.CloseSessionTxn();
            default -> throw new IllegalArgumentException("type " + type);
        };
        return convert(txn, theirs);
    }

    static Stat stat(org.apache.zookeeper.data.Stat s) {
        return new Stat(s.getCzxid(), s.getMzxid(), s.getCtime(), s.getMtime(), s.getVersion(), s.getCversion(),
                s.getAversion(), s.getEphemeralOwner(), s.getDataLength(), s.getNumChildren(), s.getPzxid());
    }

    static List<ACL> acls(List<org.apache.zookeeper.data.ACL> acls) {
        return acls.stream()
                .map(a -> new ACL(a.getPerms(), new dev.menagerie.protocol.data.Id(a.getId().getScheme(),
                        a.getId().getId())))
                .toList();
    }

    /** A whole snapshot file as Apache's FileSnap.serialize writes it with 3.9's defaults. */
    static byte[] snapshot(DataTree tree, Map<Long, Integer> sessions) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CheckedOutputStream checked = new CheckedOutputStream(bytes, new Adler32());
        BinaryOutputArchive archive = BinaryOutputArchive.getArchive(checked);
        new FileHeader(SnapshotStreams.SNAPSHOT_MAGIC, 2, 0).serialize(archive, "fileheader");
        SerializeUtils.serializeSnapshot(tree, archive, sessions);
        seal(checked, archive);
        if (tree.serializeZxidDigest(archive)) {
            seal(checked, archive);
        }
        if (tree.serializeLastProcessedZxid(archive)) {
            seal(checked, archive);
        }
        checked.flush();
        return bytes.toByteArray();
    }

    private static void seal(CheckedOutputStream checked, BinaryOutputArchive archive) throws IOException {
        archive.writeLong(checked.getChecksum().getValue(), "val");
        archive.writeString("/", "path");
    }
}
