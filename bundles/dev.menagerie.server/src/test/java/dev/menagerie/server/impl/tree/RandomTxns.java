package dev.menagerie.server.impl.tree;

import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.Perms;
import dev.menagerie.protocol.data.ACL;
import dev.menagerie.protocol.data.Id;
import dev.menagerie.protocol.data.Ids;
import dev.menagerie.protocol.data.Stat;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.txn.CheckVersionTxn;
import dev.menagerie.protocol.txn.CloseSessionTxn;
import dev.menagerie.protocol.txn.CreateContainerTxn;
import dev.menagerie.protocol.txn.CreateSessionTxn;
import dev.menagerie.protocol.txn.CreateTTLTxn;
import dev.menagerie.protocol.txn.CreateTxn;
import dev.menagerie.protocol.txn.DeleteTxn;
import dev.menagerie.protocol.txn.ErrorTxn;
import dev.menagerie.protocol.txn.MultiTxn;
import dev.menagerie.protocol.txn.SetACLTxn;
import dev.menagerie.protocol.txn.SetDataTxn;
import dev.menagerie.protocol.txn.Txn;
import dev.menagerie.protocol.txn.TxnHeader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded stream of transactions shaped like the ones a prep stage produces (mostly valid, with the replay
 * oddities a log over a fuzzy snapshot can hold: creates of existing nodes, deletes of missing ones), chosen by
 * looking at our tree.
 */
final class RandomTxns {
    record Step(TxnHeader header, JuteRecord txn) {
    }

    static final List<List<ACL>> ACLS = List.of(
            Ids.OPEN_ACL_UNSAFE,
            Ids.READ_ACL_UNSAFE,
            List.of(new ACL(Perms.ALL, new Id("digest", "bob:hash="))),
            List.of(new ACL(Perms.READ | Perms.WRITE, new Id("ip", "127.0.0.1")),
                    new ACL(Perms.ADMIN, new Id("digest", "alice:x="))));
    private static final String[] NAMES = {"a", "b", "c", "d", "e", "app", "lock-", "x"};

    private final Random random;
    private final DataTree tree;
    private final long[] sessions = {0x0100000000000001L, 0x0100000000000002L, 0x0100000000000003L};
    private final Map<Long, Integer> sessionTimeouts;
    private final Deque<Step> queued = new ArrayDeque<>();
    private long zxid;

    RandomTxns(long seed, DataTree tree, Map<Long, Integer> sessionTimeouts, long firstZxid) {
        this.random = new Random(seed);
        this.tree = tree;
        this.sessionTimeouts = sessionTimeouts;
        this.zxid = firstZxid;
    }

    Step next() {
        if (!queued.isEmpty()) {
            return queued.poll();
        }
        int pick = random.nextInt(100);
        if (pick < 35) {
            return create();
        } else if (pick < 50) {
            return delete();
        } else if (pick < 62) {
            return setData();
        } else if (pick < 67) {
            return setAcl();
        } else if (pick < 71) {
            return closeSession();
        } else if (pick < 74) {
            return step(OpCode.CREATE_SESSION, new CreateSessionTxn(newSession()), sessions[0]);
        } else if (pick < 77) {
            return step(OpCode.ERROR, new ErrorTxn(-101), session());
        } else if (pick < 79) {
            return step(OpCode.CHECK, new CheckVersionTxn(anyPath(), 3), session());
        } else if (pick < 90) {
            return multi(random.nextInt(4) == 0);
        } else if (pick < 93) {
            return quota();
        }
        return create();
    }

    private Step step(int type, JuteRecord txn, long session) {
        zxid++;
        return new Step(new TxnHeader(session, random.nextInt(1000), zxid, 1_700_000_000_000L + zxid * 7, type), txn);
    }

    private int newSession() {
        int timeout = 4000 + random.nextInt(1000);
        sessionTimeouts.put(session(), timeout);
        return timeout;
    }

    private long session() {
        return sessions[random.nextInt(sessions.length)];
    }

    private Step create() {
        int kind = random.nextInt(10);
        String parent = pickParent();
        String path = childPath(parent, kind == 3 || kind == 4);
        byte[] data = data();
        List<ACL> acl = random.nextInt(30) == 0 ? null : ACLS.get(random.nextInt(ACLS.size()));
        int parentCVersion = random.nextInt(8) == 0 ? -1 : tree.node(nodePath(parent)).persistedCversion() + 1;
        long session = session();
        return switch (kind) {
            case 0, 1, 2 -> step(OpCode.CREATE, new CreateTxn(path, data, acl, false, parentCVersion), session);
            case 3, 4 -> step(random.nextBoolean() ? OpCode.CREATE : OpCode.CREATE2,
                    new CreateTxn(path, data, acl, random.nextBoolean(), parentCVersion), session);
            case 5 -> step(OpCode.CREATE2, new CreateTxn(path, data, acl, true, parentCVersion), session);
            case 6, 7 -> step(OpCode.CREATE_CONTAINER, new CreateContainerTxn(path, data, acl, parentCVersion),
                    session);
            default -> step(OpCode.CREATE_TTL,
                    new CreateTTLTxn(path, data, acl, parentCVersion, 1 + random.nextInt(1_000_000)), session);
        };
    }

    private Step delete() {
        List<String> leaves = userPaths(true);
        String path = leaves.isEmpty() || random.nextInt(10) == 0 ? childPath(pickParent(), false)
                : leaves.get(random.nextInt(leaves.size()));
        int type = random.nextInt(5) == 0 ? OpCode.DELETE_CONTAINER : OpCode.DELETE;
        return step(type, new DeleteTxn(path), session());
    }

    private Step setData() {
        String path = random.nextInt(12) == 0 ? childPath(pickParent(), false) : anyPath();
        Stat stat = tree.stat(path);
        int version = stat == null ? 1 : stat.version() + 1;
        return step(OpCode.SET_DATA, new SetDataTxn(path, data(), version), session());
    }

    private Step setAcl() {
        String path = anyPath();
        Stat stat = tree.stat(path);
        return step(OpCode.SET_ACL, new SetACLTxn(path, ACLS.get(random.nextInt(ACLS.size())),
                stat == null ? 1 : stat.aversion() + 1), session());
    }

    private Step closeSession() {
        long session = session();
        List<String> owned = new ArrayList<>(tree.ephemerals(session));
        owned.sort(null);
        int mode = random.nextInt(4);
        JuteRecord txn = switch (mode) {
            case 0 -> null;
            case 1 -> new CloseSessionTxn(owned.subList(0, owned.size() / 2));
            default -> new CloseSessionTxn(owned);
        };
        return step(OpCode.CLOSE_SESSION, txn, session);
    }

    private Step multi(boolean failed) {
        List<Txn> ops = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        int failAt = failed ? random.nextInt(count) : -1;
        // Creates and deletes never share a multi: a create under a node the same multi deletes would leave an
        // orphan, which prep never allows.
        boolean deletes = random.nextBoolean();
        for (int i = 0; i < count; i++) {
            if (i == failAt) {
                ops.add(new Txn(OpCode.ERROR, ApacheBridge.bytes(new ErrorTxn(-101))));
                continue;
            }
            int kind = random.nextInt(5);
            if (kind < 2 && deletes) {
                kind = 4;
            } else if (kind == 4 && !deletes) {
                kind = 0;
            }
            ops.add(switch (kind) {
                case 0, 1 -> new Txn(OpCode.CREATE, ApacheBridge.bytes(new CreateTxn(childPath(pickParent(),
                        random.nextBoolean()), data(), ACLS.get(random.nextInt(ACLS.size())), random.nextBoolean(),
                        -1)));
                case 2 -> new Txn(OpCode.SET_DATA, ApacheBridge.bytes(new SetDataTxn(anyPath(), data(), 9)));
                case 3 -> new Txn(OpCode.CHECK, ApacheBridge.bytes(new CheckVersionTxn(anyPath(), 0)));
                default -> {
                    List<String> leaves = userPaths(true);
                    String path = leaves.isEmpty() ? "/missing" : leaves.get(random.nextInt(leaves.size()));
                    yield new Txn(OpCode.DELETE, ApacheBridge.bytes(new DeleteTxn(path)));
                }
            });
        }
        return step(OpCode.MULTI, new MultiTxn(ops), session());
    }

    /** Puts a quota on a user node: the quota path nodes, then limits, then stats, as the CLI's setquota does. */
    private Step quota() {
        List<String> paths = userPaths(false);
        if (paths.isEmpty()) {
            return create();
        }
        String target = paths.get(random.nextInt(paths.size()));
        StringBuilder at = new StringBuilder(QuotaAccounting.QUOTA_PATH);
        for (String part : target.substring(1).split("/")) {
            at.append('/').append(part);
            if (tree.node(at.toString()) == null) {
                queueCreate(at.toString(), new byte[0]);
            }
        }
        String limits = switch (random.nextInt(3)) {
            case 0 -> "count=4,bytes=-1";
            case 1 -> "count=-1,bytes=-1=;byteHardLimit=60;countHardLimit=-1";
            default -> "count=10,bytes=100=;countHardLimit=6";
        };
        if (tree.node(at + "/" + QuotaAccounting.LIMIT_NODE) == null) {
            queueCreate(at + "/" + QuotaAccounting.LIMIT_NODE, limits.getBytes(StandardCharsets.UTF_8));
        }
        if (tree.node(at + "/" + QuotaAccounting.STAT_NODE) == null) {
            queueCreate(at + "/" + QuotaAccounting.STAT_NODE, "count=0,bytes=0".getBytes(StandardCharsets.UTF_8));
        }
        return queued.isEmpty() ? create() : queued.poll();
    }

    private void queueCreate(String path, byte[] data) {
        queued.add(step(OpCode.CREATE, new CreateTxn(path, data, Ids.OPEN_ACL_UNSAFE, false, -1), sessions[0]));
    }

    private byte[] data() {
        if (random.nextInt(20) == 0) {
            return null;
        }
        byte[] data = new byte[random.nextInt(24)];
        random.nextBytes(data);
        return data;
    }

    /** A parent for a new node: the root or a persistent user node (prep forbids children of ephemerals). */
    private String pickParent() {
        List<String> candidates = new ArrayList<>();
        candidates.add("/");
        for (String path : userPaths(false)) {
            if (tree.node(path).kind() != NodeKind.NORMAL && path.length() < 40) {
                candidates.add(path);
            }
        }
        return candidates.get(random.nextInt(candidates.size()));
    }

    private String childPath(String parent, boolean sequential) {
        String name = NAMES[random.nextInt(NAMES.length)];
        if (sequential) {
            name += String.format("%010d", tree.node(nodePath(parent)).persistedCversion());
        }
        String path = ("/".equals(parent) ? "" : parent) + "/" + name;
        if (tree.node(path) != null && random.nextInt(10) != 0) {
            return childPath(parent, true);
        }
        return path;
    }

    private String anyPath() {
        List<String> paths = userPaths(false);
        int pick = random.nextInt(paths.size() + 3);
        if (pick == paths.size()) {
            return "/";
        } else if (pick == paths.size() + 1) {
            return DataTree.CONFIG_PATH;
        } else if (pick == paths.size() + 2) {
            return "/zookeeper";
        }
        return paths.get(pick);
    }

    private static String nodePath(String path) {
        return "/".equals(path) ? "" : path;
    }

    /** Every node outside /zookeeper (optionally only the childless ones), in tree order. */
    private List<String> userPaths(boolean leavesOnly) {
        List<String> paths = new ArrayList<>();
        Deque<String> pending = new ArrayDeque<>();
        for (String child : tree.children("/")) {
            if (!"zookeeper".equals(child)) {
                pending.push("/" + child);
            }
        }
        while (!pending.isEmpty()) {
            String path = pending.pop();
            List<String> children = tree.children(path);
            if (children == null) {
                continue;
            }
            if (!leavesOnly || children.isEmpty()) {
                paths.add(path);
            }
            for (String child : children) {
                pending.push(path + "/" + child);
            }
        }
        return paths;
    }
}
