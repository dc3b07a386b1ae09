package dev.menagerie.server.impl.status;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.status.NodeStatus;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.data.Ids;
import dev.menagerie.protocol.txn.CreateTxn;
import dev.menagerie.protocol.txn.SetDataTxn;
import dev.menagerie.protocol.txn.TxnHeader;
import dev.menagerie.server.impl.tree.DataTree;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code ServerStatus.node} reports of a node: the web console's znode browser shows it. */
class NodeReaderTest {

    private final DataTree tree = new DataTree();
    private long zxid;

    private void apply(int type, dev.menagerie.protocol.jute.JuteRecord txn) {
        zxid++;
        tree.apply(new TxnHeader(0x42, 1, zxid, 1_000 + zxid, type), txn);
    }

    @Test
    void readsDataStatSortedChildrenAndAclOfOneNode() {
        apply(OpCode.CREATE, new CreateTxn("/app", "v1".getBytes(StandardCharsets.UTF_8), Ids.READ_ACL_UNSAFE,
                false, -1));
        apply(OpCode.CREATE, new CreateTxn("/app/b", new byte[0], Ids.OPEN_ACL_UNSAFE, false, -1));
        apply(OpCode.CREATE, new CreateTxn("/app/a", new byte[0], Ids.OPEN_ACL_UNSAFE, false, -1));
        apply(OpCode.SET_DATA, new SetDataTxn("/app", "v2".getBytes(StandardCharsets.UTF_8), 1));

        NodeStatus node = NodeReader.read(tree, "/app").orElseThrow();

        assertArrayEquals("v2".getBytes(StandardCharsets.UTF_8), node.data());
        assertEquals(List.of("a", "b"), node.children());
        assertEquals(List.of(new NodeStatus.AclEntry(1, "world", "anyone")), node.acl());
        assertEquals(new NodeStatus.NodeStat(1, 4, 1_001, 1_004, 1, 2, 0, 0, 2, 2, 3), node.stat());
    }

    @Test
    void aMissingNodeOrANullPathIsEmpty() {
        assertTrue(NodeReader.read(tree, "/nothing").isEmpty());
        assertTrue(NodeReader.read(tree, null).isEmpty());
    }
}
