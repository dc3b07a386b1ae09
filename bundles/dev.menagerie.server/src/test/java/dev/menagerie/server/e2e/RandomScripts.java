package dev.menagerie.server.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.zookeeper.AddWatchMode;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.Watcher.WatcherType;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooDefs.Perms;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;

/**
 * Random scripts from a seed: a few clients doing every kind of operation on a small set of paths, so that
 * collisions (existing nodes, wrong versions, non-empty parents, ephemeral parents, lost watches) are common.
 */
final class RandomScripts {

    private static final String[] PATHS = {"/r", "/r", "/s", "/r/a", "/r/a", "/r/b", "/r/a/x",
        "/r/a/y", "/r/b/z", "/s/t"};
    private static final CreateMode[] MODES = {CreateMode.PERSISTENT, CreateMode.PERSISTENT, CreateMode.EPHEMERAL,
        CreateMode.PERSISTENT_SEQUENTIAL, CreateMode.EPHEMERAL_SEQUENTIAL, CreateMode.CONTAINER,
        CreateMode.PERSISTENT_WITH_TTL};
    private static final List<List<ACL>> ACLS = List.of(Ids.OPEN_ACL_UNSAFE, Ids.READ_ACL_UNSAFE,
            List.of(new ACL(Perms.ALL & ~Perms.DELETE, Ids.ANYONE_ID_UNSAFE)),
            List.of(new ACL(Perms.ALL, new Id("ip", "127.0.0.1"))),
            List.of(new ACL(Perms.READ | Perms.CREATE, Ids.ANYONE_ID_UNSAFE)));

    private final Random random;
    private final Script script;

    private RandomScripts(long seed, Script script) {
        this.random = new Random(seed);
        this.script = script;
    }

    static void run(long seed, int ops, Script script) {
        RandomScripts generator = new RandomScripts(seed, script);
        for (int i = 0; i < ops; i++) {
            generator.step();
        }
    }

    private void step() {
        ScriptClient c = script.client(1 + random.nextInt(3));
        String path = path();
        switch (random.nextInt(26)) {
            case 0, 1, 2, 20, 21, 22, 23, 24, 25 -> create(c, path);
            case 3 -> c.create2(path, data(), acl(), mode(), 60_000);
            case 4, 5 -> c.delete(path, version());
            case 6, 7 -> c.setData(path, data(), version());
            case 8 -> c.getData(path, random.nextInt(4) > 0);
            case 9 -> c.exists(path, random.nextInt(4) > 0);
            case 10 -> c.children(path, random.nextInt(4) > 0);
            case 11 -> c.multi("random", writes());
            case 12 -> c.multi("read", List.of(Op.getData(path), Op.getChildren(path())));
            case 13 -> c.addWatch(path, random.nextBoolean() ? AddWatchMode.PERSISTENT
                    : AddWatchMode.PERSISTENT_RECURSIVE);
            case 14 -> c.removeAllWatches(path, WatcherType.values()[random.nextInt(WatcherType.values().length)]);
            case 15 -> c.setAcl(path, acl(), version());
            case 16 -> c.getAcl(path);
            case 17 -> c.ephemerals(random.nextBoolean() ? "/" : path);
            case 18 -> c.allChildrenNumber(path);
            default -> {
                if (random.nextInt(4) == 0) {
                    c.close();
                } else {
                    c.sync(path);
                }
            }
        }
    }

    private void create(ScriptClient c, String path) {
        CreateMode mode = mode();
        if (mode.isTTL()) {
            c.create2(path, data(), acl(), mode, 1 + random.nextInt(100_000));
        } else {
            c.create(path, data(), acl(), mode);
        }
    }

    private List<Op> writes() {
        List<Op> ops = new ArrayList<>();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            String path = path();
            switch (random.nextInt(4)) {
                case 0 -> ops.add(Op.create(path, ScriptClient.bytes(data()), Ids.OPEN_ACL_UNSAFE,
                        random.nextBoolean() ? CreateMode.PERSISTENT : CreateMode.EPHEMERAL));
                case 1 -> ops.add(Op.delete(path, version()));
                case 2 -> ops.add(Op.setData(path, ScriptClient.bytes(data()), version()));
                default -> ops.add(Op.check(path, version()));
            }
        }
        return ops;
    }

    private String path() {
        return PATHS[random.nextInt(PATHS.length)];
    }

    private CreateMode mode() {
        return MODES[random.nextInt(MODES.length)];
    }

    private List<ACL> acl() {
        return random.nextInt(4) == 0 ? ACLS.get(random.nextInt(ACLS.size())) : Ids.OPEN_ACL_UNSAFE;
    }

    private int version() {
        return random.nextInt(3) == 0 ? -1 : random.nextInt(3);
    }

    private String data() {
        return random.nextInt(5) == 0 ? null : "d" + random.nextInt(1000);
    }
}
