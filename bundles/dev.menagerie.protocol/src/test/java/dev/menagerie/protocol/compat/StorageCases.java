package dev.menagerie.protocol.compat;

import static dev.menagerie.protocol.compat.Values.ACLS;
import static dev.menagerie.protocol.compat.Values.DATA;
import static dev.menagerie.protocol.compat.Values.DIGEST;
import static dev.menagerie.protocol.compat.Values.NAMES;
import static dev.menagerie.protocol.compat.Values.PATH;
import static dev.menagerie.protocol.compat.Values.STAT;
import static dev.menagerie.protocol.compat.Values.STAT_PERSISTED;

import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.data.ACL;
import dev.menagerie.protocol.data.ClientInfo;
import dev.menagerie.protocol.data.Id;
import dev.menagerie.protocol.data.Stat;
import dev.menagerie.protocol.data.StatPersisted;
import dev.menagerie.protocol.persistence.FileHeader;
import dev.menagerie.protocol.quorum.LearnerInfo;
import dev.menagerie.protocol.quorum.QuorumAuthPacket;
import dev.menagerie.protocol.quorum.QuorumPacket;
import dev.menagerie.protocol.txn.CheckVersionTxn;
import dev.menagerie.protocol.txn.CloseSessionTxn;
import dev.menagerie.protocol.txn.CreateContainerTxn;
import dev.menagerie.protocol.txn.CreateSessionTxn;
import dev.menagerie.protocol.txn.CreateTTLTxn;
import dev.menagerie.protocol.txn.CreateTxn;
import dev.menagerie.protocol.txn.CreateTxnV0;
import dev.menagerie.protocol.txn.DeleteTxn;
import dev.menagerie.protocol.txn.ErrorTxn;
import dev.menagerie.protocol.txn.MultiTxn;
import dev.menagerie.protocol.txn.SetACLTxn;
import dev.menagerie.protocol.txn.SetDataTxn;
import dev.menagerie.protocol.txn.SetMaxChildrenTxn;
import dev.menagerie.protocol.txn.Txn;
import dev.menagerie.protocol.txn.TxnDigest;
import dev.menagerie.protocol.txn.TxnHeader;

import java.util.List;

/** Samples of the data, transaction, persistence and quorum records, each paired with Apache's equivalent. */
final class StorageCases {
    private StorageCases() {
    }

    static List<Case> all() {
        Txn delete = new Txn(OpCode.DELETE, Apache.ours(new DeleteTxn(PATH)));
        Txn setData = new Txn(OpCode.SET_DATA, Apache.ours(new SetDataTxn(PATH, DATA, 4)));
        return List.of(
                new Case(DIGEST, Apache.id(DIGEST), Id::read),
                new Case(ACLS.get(1), Apache.acl(ACLS.get(1)), ACL::read),
                new Case(STAT, Apache.stat(STAT), Stat::read),
                new Case(STAT_PERSISTED, Apache.statPersisted(STAT_PERSISTED), StatPersisted::read),
                new Case(new ClientInfo("x509", "CN=client"),
                        new org.apache.zookeeper.data.ClientInfo("x509", "CN=client"), ClientInfo::read),
                new Case(FileHeader.txnLog(), new org.apache.zookeeper.server.persistence.FileHeader(
                        FileHeader.TXNLOG_MAGIC, 2, 0), FileHeader::read),
                new Case(new LearnerInfo(3, 0x10000, 0x1_0000_0000L),
                        new org.apache.zookeeper.server.quorum.LearnerInfo(3, 0x10000, 0x1_0000_0000L),
                        LearnerInfo::read),
                new Case(new QuorumPacket(2, 0x5_0000_0001L, DATA, List.of(DIGEST)),
                        new org.apache.zookeeper.server.quorum.QuorumPacket(2, 0x5_0000_0001L, DATA,
                                Apache.ids(List.of(DIGEST))), QuorumPacket::read),
                new Case(new QuorumAuthPacket(0xDEADBEEFL, 1, DATA),
                        new org.apache.zookeeper.server.quorum.QuorumAuthPacket(0xDEADBEEFL, 1, DATA),
                        QuorumAuthPacket::read),
                new Case(new TxnDigest(2, 0x7FFF_0000_1234_5678L),
                        new org.apache.zookeeper.txn.TxnDigest(2, 0x7FFF_0000_1234_5678L), TxnDigest::read),
                new Case(new TxnHeader(0x0100_0000_0000_0001L, 17, 0x5_0000_0003L, 1_700_000_000_999L, OpCode.CREATE),
                        new org.apache.zookeeper.txn.TxnHeader(0x0100_0000_0000_0001L, 17, 0x5_0000_0003L,
                                1_700_000_000_999L, OpCode.CREATE), TxnHeader::read),
                new Case(new CreateTxnV0(PATH, DATA, ACLS, true),
                        new org.apache.zookeeper.txn.CreateTxnV0(PATH, DATA, Apache.acls(ACLS), true),
                        CreateTxnV0::read),
                new Case(new CreateTxn(PATH, DATA, ACLS, true, 9),
                        new org.apache.zookeeper.txn.CreateTxn(PATH, DATA, Apache.acls(ACLS), true, 9),
                        CreateTxn::read),
                new Case(new CreateTTLTxn(PATH, DATA, ACLS, 9, 60_000L),
                        new org.apache.zookeeper.txn.CreateTTLTxn(PATH, DATA, Apache.acls(ACLS), 9, 60_000L),
                        CreateTTLTxn::read),
                new Case(new CreateContainerTxn(PATH, DATA, ACLS, 9),
                        new org.apache.zookeeper.txn.CreateContainerTxn(PATH, DATA, Apache.acls(ACLS), 9),
                        CreateContainerTxn::read),
                new Case(new DeleteTxn(PATH), new org.apache.zookeeper.txn.DeleteTxn(PATH), DeleteTxn::read),
                new Case(new SetDataTxn(PATH, DATA, 4), new org.apache.zookeeper.txn.SetDataTxn(PATH, DATA, 4),
                        SetDataTxn::read),
                new Case(new CheckVersionTxn(PATH, 4), new org.apache.zookeeper.txn.CheckVersionTxn(PATH, 4),
                        CheckVersionTxn::read),
                new Case(new SetACLTxn(PATH, ACLS, 2),
                        new org.apache.zookeeper.txn.SetACLTxn(PATH, Apache.acls(ACLS), 2), SetACLTxn::read),
                new Case(new SetMaxChildrenTxn(PATH, 100),
                        new org.apache.zookeeper.txn.SetMaxChildrenTxn(PATH, 100), SetMaxChildrenTxn::read),
                new Case(new CreateSessionTxn(30_000), new org.apache.zookeeper.txn.CreateSessionTxn(30_000),
                        CreateSessionTxn::read),
                new Case(new CloseSessionTxn(NAMES), new org.apache.zookeeper.txn.CloseSessionTxn(NAMES),
                        CloseSessionTxn::read),
                new Case(new ErrorTxn(-101), new org.apache.zookeeper.txn.ErrorTxn(-101), ErrorTxn::read),
                new Case(delete, new org.apache.zookeeper.txn.Txn(delete.type(), delete.data()), Txn::read),
                new Case(new MultiTxn(List.of(delete, setData)),
                        new org.apache.zookeeper.txn.MultiTxn(List.of(
                                new org.apache.zookeeper.txn.Txn(delete.type(), delete.data()),
                                new org.apache.zookeeper.txn.Txn(setData.type(), setData.data()))),
                        MultiTxn::read));
    }
}
