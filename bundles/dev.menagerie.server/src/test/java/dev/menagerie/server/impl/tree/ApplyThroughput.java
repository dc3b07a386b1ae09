package dev.menagerie.server.impl.tree;

import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.data.Ids;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.txn.CreateTxn;
import dev.menagerie.protocol.txn.SetDataTxn;
import dev.menagerie.protocol.txn.TxnHeader;
import java.util.ArrayList;
import java.util.List;
import org.apache.jute.Record;

/**
 * A rough measure (not a test) of apply throughput for creates then setData, ours against Apache's DataTree,
 * with the records prepared beforehand so only the tree work is timed. Run with
 * {@code java -cp target/classes:target/test-classes:<deps> dev.menagerie.server.impl.tree.ApplyThroughput}.
 */
public final class ApplyThroughput {
    private static final int NODES = 50_000;

    public static void main(String[] args) {
        List<TxnHeader> headers = new ArrayList<>();
        List<JuteRecord> bodies = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            String parent = "/p" + (i % 100);
            if (i < 100) {
                headers.add(new TxnHeader(1, i, 1 + headers.size(), 1000, OpCode.CREATE));
                bodies.add(new CreateTxn(parent, new byte[0], Ids.OPEN_ACL_UNSAFE, false, -1));
            }
            headers.add(new TxnHeader(1, i, 1 + headers.size(), 1000, OpCode.CREATE));
            bodies.add(new CreateTxn(parent + "/n" + i, new byte[32], Ids.OPEN_ACL_UNSAFE, false, -1));
        }
        for (int i = 0; i < NODES; i++) {
            headers.add(new TxnHeader(1, i, 1 + headers.size(), 1000, OpCode.SET_DATA));
            bodies.add(new SetDataTxn("/p" + (i % 100) + "/n" + i, new byte[64], 1));
        }
        List<org.apache.zookeeper.txn.TxnHeader> apacheHeaders = headers.stream().map(ApacheBridge::header).toList();
        List<Record> apacheBodies = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            apacheBodies.add(ApacheBridge.txn(headers.get(i).type(), bodies.get(i)));
        }
        for (int round = 0; round < 5; round++) {
            long oursNs = timeOurs(headers, bodies);
            long apacheNs = timeApache(apacheHeaders, apacheBodies);
            System.out.printf("round %d: ours %.0f txn/s, Apache %.0f txn/s, ratio ours/Apache %.2f%n", round,
                    rate(headers.size(), oursNs), rate(headers.size(), apacheNs), (double) apacheNs / oursNs);
        }
    }

    private static long timeOurs(List<TxnHeader> headers, List<JuteRecord> bodies) {
        DataTree tree = new DataTree();
        long start = System.nanoTime();
        for (int i = 0; i < headers.size(); i++) {
            tree.apply(headers.get(i), bodies.get(i));
        }
        return System.nanoTime() - start;
    }

    private static long timeApache(List<org.apache.zookeeper.txn.TxnHeader> headers, List<Record> bodies) {
        org.apache.zookeeper.server.DataTree tree = new org.apache.zookeeper.server.DataTree();
        long start = System.nanoTime();
        for (int i = 0; i < headers.size(); i++) {
            tree.processTxn(headers.get(i), bodies.get(i));
        }
        return System.nanoTime() - start;
    }

    private static double rate(int count, long nanos) {
        return count * 1e9 / nanos;
    }
}
