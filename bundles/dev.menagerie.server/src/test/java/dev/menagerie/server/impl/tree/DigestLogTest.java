package dev.menagerie.server.impl.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.txn.CreateTxn;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The digest history that the admin command hash lists, kept as Apache's DataTree keeps it. */
class DigestLogTest {

    @Test
    void theTreeLogsItsDigestAfterEveryZxidThatIsAMultipleOf128() {
        DataTree tree = new DataTree();
        Txns txns = new Txns(tree);
        List<ZxidDigest> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            txns.apply(OpCode.CREATE, new CreateTxn("/n" + i, new byte[] {(byte) i}, null, false, i + 1));
            if (tree.lastProcessedZxid() % DigestLog.INTERVAL_ZXIDS == 0) {
                expected.add(new ZxidDigest(tree.lastProcessedZxid(), DataTree.digestVersion(), tree.digest()));
            }
        }

        assertEquals(2, expected.size(), "300 zxids from 0x500000001 pass two multiples of 128");
        assertEquals(expected, tree.digestLog());
    }

    @Test
    void keepsTheNewest1024Entries() {
        DigestLog log = new DigestLog();
        for (long zxid = 1; zxid <= (DigestLog.LIMIT + 10L) * DigestLog.INTERVAL_ZXIDS; zxid++) {
            log.offer(new ZxidDigest(zxid, 2, zxid * 7));
        }

        List<ZxidDigest> entries = log.entries();
        assertEquals(DigestLog.LIMIT, entries.size());
        assertEquals(11L * DigestLog.INTERVAL_ZXIDS, entries.get(0).zxid());
        assertEquals((DigestLog.LIMIT + 10L) * DigestLog.INTERVAL_ZXIDS, entries.get(entries.size() - 1).zxid());
    }
}
