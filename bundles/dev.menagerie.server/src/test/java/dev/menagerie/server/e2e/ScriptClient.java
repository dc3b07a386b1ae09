package dev.menagerie.server.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.zookeeper.AddWatchMode;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.ClientInfo;

/**
 * One client of a {@link Script}. Every call is asynchronous: its callback and the watch events run on the
 * client's event thread in the order the server's packets arrived, so the lines show whether an event came before
 * the reply of the operation that caused it.
 */
final class ScriptClient {

    private static final int ANSWER_WAIT_S = 15;

    private final String name;
    private final Script script;
    private final ZooKeeper zk;
    private final List<String> lines = new ArrayList<>();
    private final Watcher watcher;
    private volatile boolean closed;

    ScriptClient(String name, Script script, String connectString) {
        this.name = name;
        this.script = script;
        CountDownLatch connected = new CountDownLatch(1);
        this.watcher = event -> {
            if (event.getType() == Watcher.Event.EventType.None) {
                if (event.getState() == Watcher.Event.KeeperState.SyncConnected && connected.getCount() > 0) {
                    connected.countDown();
                } else if (!closed) {
                    add("state " + event.getState());
                }
            } else {
                add(describe(event));
            }
        };
        try {
            zk = new ZooKeeper(connectString, 30_000, watcher);
            assertTrue(connected.await(ANSWER_WAIT_S, TimeUnit.SECONDS), name + " connects");
        } catch (Exception e) {
            throw new AssertionError(name + " could not connect", e);
        }
    }

    private static String describe(WatchedEvent event) {
        return "event " + event.getType() + " " + event.getPath() + " zxid=" + event.getZxid();
    }

    String name() {
        return name;
    }

    ZooKeeper zk() {
        return zk;
    }

    Watcher watcher() {
        return watcher;
    }

    boolean isClosed() {
        return closed;
    }

    private synchronized void add(String line) {
        lines.add(line);
    }

    synchronized List<String> drain() {
        List<String> copy = new ArrayList<>(lines);
        lines.clear();
        return copy;
    }

    /** One request whose callback adds a line; waits for the answer, then lets the script settle. */
    private void call(String label, Consumer<Answer> start) {
        Answer answer = new Answer(label);
        try {
            start.accept(answer);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            add(label + " -> the client refuses: " + e.getClass().getSimpleName());
            script.settle();
            return;
        }
        answer.await();
        script.settle();
    }

    /** The callback side of one call. */
    final class Answer {
        private final String label;
        private final CountDownLatch done = new CountDownLatch(1);

        Answer(String label) {
            this.label = label;
        }

        void is(int rc, String result) {
            add(label + " -> " + KeeperException.Code.get(rc) + (result.isEmpty() ? "" : " " + result));
            done.countDown();
        }

        void await() {
            try {
                if (!done.await(ANSWER_WAIT_S, TimeUnit.SECONDS)) {
                    fail(name + ": no answer to " + label);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    /** A read that changes nothing, so events sent before it are in. */
    void roundTrip() {
        Answer answer = new Answer("round trip");
        zk.exists("/", false, (rc, path, ctx, stat) -> answer.done.countDown(), null);
        answer.await();
    }

    // ---- operations ----

    void create(String path, String data, List<ACL> acl, CreateMode mode) {
        call("create " + path + " " + mode, a -> zk.create(path, bytes(data), acl, mode,
                (rc, p, ctx, created) -> a.is(rc, String.valueOf(created)), null));
    }

    void create2(String path, String data, List<ACL> acl, CreateMode mode, long ttlMs) {
        call("create2 " + path + " " + mode + " ttl=" + ttlMs, a -> zk.create(path, bytes(data), acl, mode,
                (rc, p, ctx, created, stat) -> a.is(rc, created + " " + script.stat(stat)), null, ttlMs));
    }

    void delete(String path, int version) {
        call("delete " + path + " v" + version, a -> zk.delete(path, version, (rc, p, ctx) -> a.is(rc, ""), null));
    }

    void setData(String path, String data, int version) {
        call("setData " + path + " v" + version, a -> zk.setData(path, bytes(data), version,
                (rc, p, ctx, stat) -> a.is(rc, script.stat(stat)), null));
    }

    void getData(String path, boolean watch) {
        call("getData " + path + (watch ? " watch" : ""), a -> zk.getData(path, watch,
                (rc, p, ctx, data, stat) -> a.is(rc, text(data) + " " + script.stat(stat)), null));
    }

    void exists(String path, boolean watch) {
        call("exists " + path + (watch ? " watch" : ""), a -> zk.exists(path, watch,
                (rc, p, ctx, stat) -> a.is(rc, script.stat(stat)), null));
    }

    void children(String path, boolean watch) {
        call("getChildren2 " + path + (watch ? " watch" : ""), a -> zk.getChildren(path, watch,
                (rc, p, ctx, kids, stat) -> a.is(rc, sorted(kids) + " " + script.stat(stat)), null));
    }

    void childrenOnly(String path, boolean watch) {
        call("getChildren " + path + (watch ? " watch" : ""), a -> zk.getChildren(path, watch,
                (rc, p, ctx, kids) -> a.is(rc, String.valueOf(sorted(kids))), null));
    }

    void getAcl(String path) {
        call("getACL " + path, a -> zk.getACL(path, null,
                (rc, p, ctx, acl, stat) -> a.is(rc, Script.acl(acl) + " " + script.stat(stat)), null));
    }

    void setAcl(String path, List<ACL> acl, int version) {
        call("setACL " + path + " " + Script.acl(acl) + " v" + version, a -> zk.setACL(path, acl, version,
                (rc, p, ctx, stat) -> a.is(rc, script.stat(stat)), null));
    }

    void multi(String label, List<Op> ops) {
        call("multi " + label, a -> zk.multi(ops, (rc, p, ctx, results) -> a.is(rc, results(results)), null));
    }

    void sync(String path) {
        call("sync " + path, a -> zk.sync(path, (rc, p, ctx) -> a.is(rc, String.valueOf(p)), null));
    }

    void addWatch(String path, AddWatchMode mode) {
        call("addWatch " + path + " " + mode, a -> zk.addWatch(path, mode, (rc, p, ctx) -> a.is(rc, ""), null));
    }

    void removeWatches(String path, Watcher.WatcherType type) {
        call("removeWatches " + path + " " + type, a -> zk.removeWatches(path, watcher, type, false,
                (rc, p, ctx) -> a.is(rc, ""), null));
    }

    void removeAllWatches(String path, Watcher.WatcherType type) {
        call("removeAllWatches " + path + " " + type, a -> zk.removeAllWatches(path, type, false,
                (rc, p, ctx) -> a.is(rc, ""), null));
    }

    void ephemerals(String prefix) {
        call("getEphemerals " + prefix, a -> zk.getEphemerals(prefix, (rc, ctx, paths) -> a.is(rc, String.valueOf(sorted(paths))),
                null));
    }

    void allChildrenNumber(String path) {
        call("getAllChildrenNumber " + path, a -> zk.getAllChildrenNumber(path,
                (rc, p, ctx, number) -> a.is(rc, Integer.toString(number)), null));
    }

    void whoAmI() {
        try {
            List<String> infos = new ArrayList<>();
            for (ClientInfo info : zk.whoAmI()) {
                infos.add(info.getAuthScheme() + ":" + info.getUser());
            }
            add("whoAmI -> " + infos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            add("whoAmI -> " + e.getClass().getSimpleName());
        }
        script.settle();
    }

    /** Auth has no answer of its own when it succeeds; the round trip after it shows whether it did. */
    void addAuth(String scheme, String auth) {
        // Recorded before it is sent: the server's answer (an AuthFailed event) races a line written after it.
        add("addAuth " + scheme);
        zk.addAuthInfo(scheme, bytes(auth));
        script.settle();
    }

    void close() {
        closed = true;
        closeQuietly();
        add("closed");
        script.settle();
    }

    void closeQuietly() {
        closed = true;
        try {
            zk.close(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- formatting ----

    private String results(List<OpResult> results) {
        if (results == null) {
            return "null";
        }
        List<String> parts = new ArrayList<>();
        for (OpResult result : results) {
            parts.add(result(result));
        }
        return parts.toString();
    }

    private String result(OpResult result) {
        if (result instanceof OpResult.CreateResult create) {
            return "create " + create.getPath() + " " + script.stat(create.getStat());
        } else if (result instanceof OpResult.SetDataResult set) {
            return "setData " + script.stat(set.getStat());
        } else if (result instanceof OpResult.ErrorResult error) {
            return "error " + KeeperException.Code.get(error.getErr());
        } else if (result instanceof OpResult.GetDataResult data) {
            return "getData " + text(data.getData()) + " " + script.stat(data.getStat());
        } else if (result instanceof OpResult.GetChildrenResult kids) {
            return "getChildren " + sorted(kids.getChildren());
        }
        return OpCodes.name(result.getType());
    }

    private static List<String> sorted(List<String> items) {
        if (items == null) {
            return null;
        }
        List<String> copy = new ArrayList<>(items);
        copy.sort(null);
        return copy;
    }

    static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] data) {
        return data == null ? "null" : "'" + new String(data, StandardCharsets.UTF_8) + "'";
    }

    /** Names for op results that carry nothing but their type. */
    static final class OpCodes {
        private OpCodes() {
        }

        static String name(int type) {
            return switch (type) {
                case org.apache.zookeeper.ZooDefs.OpCode.delete -> "delete";
                case org.apache.zookeeper.ZooDefs.OpCode.check -> "check";
                default -> "op" + type;
            };
        }
    }
}
