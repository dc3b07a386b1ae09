package dev.menagerie.it.process;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import org.apache.zookeeper.KeeperException.Code;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;

/** Reads back every acknowledged write with pipelined getData calls and lists what is missing or wrong. */
public final class LedgerCheck {

    private static final int IN_FLIGHT = 500;
    private static final long WAIT_SECONDS = 120;
    private static final int MAX_REPORTED = 20;

    private LedgerCheck() {
    }

    /** Every acknowledged write. */
    public static List<String> problems(ZooKeeper client, AckLedger ledger) throws InterruptedException {
        return problems(client, ledger, zxid -> true);
    }

    /** The acknowledged writes whose zxid passes {@code mustSurvive}. */
    public static List<String> problems(ZooKeeper client, AckLedger ledger, LongPredicate mustSurvive)
            throws InterruptedException {
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        Semaphore window = new Semaphore(IN_FLIGHT);
        for (Map.Entry<String, AckLedger.Ack> create : ledger.creates().entrySet()) {
            if (mustSurvive.test(create.getValue().zxid())) {
                checkCreate(client, window, create.getKey(), create.getValue(), problems);
            }
        }
        for (Map.Entry<String, AckLedger.Ack> set : ledger.sets().entrySet()) {
            if (mustSurvive.test(set.getValue().zxid())) {
                checkSet(client, window, set.getKey(), set.getValue(), ledger.lastAttempt(set.getKey()), problems);
            }
        }
        if (!window.tryAcquire(IN_FLIGHT, WAIT_SECONDS, TimeUnit.SECONDS)) {
            problems.add("reads did not all complete within " + WAIT_SECONDS + " s");
        }
        List<String> result = new ArrayList<>(problems);
        return result.size() <= MAX_REPORTED ? result : summarized(result);
    }

    private static List<String> summarized(List<String> all) {
        List<String> head = new ArrayList<>(all.subList(0, MAX_REPORTED));
        head.add("... and " + (all.size() - MAX_REPORTED) + " more");
        return head;
    }

    private static void checkCreate(ZooKeeper client, Semaphore window, String path, AckLedger.Ack ack,
            ConcurrentLinkedQueue<String> problems) throws InterruptedException {
        window.acquire();
        client.getData(path, false, (rc, p, ctx, data, stat) -> {
            try {
                if (rc != Code.OK.intValue()) {
                    problems.add("acknowledged create " + path + " (zxid 0x" + Long.toHexString(ack.zxid())
                            + ") is gone: " + Code.get(rc));
                } else if (!Arrays.equals(data, ack.payload())) {
                    problems.add("create " + path + " has data '" + text(data) + "', acknowledged '"
                            + text(ack.payload()) + "'");
                } else if (stat.getCzxid() != ack.zxid()) {
                    problems.add("create " + path + " has czxid 0x" + Long.toHexString(stat.getCzxid())
                            + ", acknowledged 0x" + Long.toHexString(ack.zxid()));
                }
            } finally {
                window.release();
            }
        }, null);
    }

    private static void checkSet(ZooKeeper client, Semaphore window, String path, AckLedger.Ack ack,
            byte[] lastAttempt, ConcurrentLinkedQueue<String> problems) throws InterruptedException {
        window.acquire();
        client.getData(path, false, (rc, p, ctx, data, stat) -> {
            try {
                String problem = setProblem(path, ack, lastAttempt, rc, data, stat);
                if (problem != null) {
                    problems.add(problem);
                }
            } finally {
                window.release();
            }
        }, null);
    }

    private static String setProblem(String path, AckLedger.Ack ack, byte[] lastAttempt, int rc, byte[] data,
            Stat stat) {
        String acked = "acknowledged version " + ack.version() + " '" + text(ack.payload()) + "'";
        if (rc != Code.OK.intValue()) {
            return "node " + path + " with an " + acked + " is gone: " + Code.get(rc);
        }
        if (stat.getVersion() == ack.version()) {
            return Arrays.equals(data, ack.payload()) ? null
                    : path + " at version " + stat.getVersion() + " has '" + text(data) + "', " + acked;
        }
        if (stat.getVersion() == ack.version() + 1) {
            // the single write in flight when the server died may or may not have been logged
            return Arrays.equals(data, lastAttempt) ? null
                    : path + " at version " + stat.getVersion() + " has '" + text(data)
                            + "', which is neither the " + acked + " nor the write in flight";
        }
        return path + " is at version " + stat.getVersion() + " '" + text(data) + "', " + acked;
    }

    private static String text(byte[] data) {
        return data == null ? "null" : new String(data, StandardCharsets.UTF_8);
    }
}
