package dev.menagerie.server.e2e;

import static org.apache.zookeeper.CreateMode.CONTAINER;
import static org.apache.zookeeper.CreateMode.EPHEMERAL;
import static org.apache.zookeeper.CreateMode.EPHEMERAL_SEQUENTIAL;
import static org.apache.zookeeper.CreateMode.PERSISTENT;
import static org.apache.zookeeper.CreateMode.PERSISTENT_SEQUENTIAL;
import static org.apache.zookeeper.CreateMode.PERSISTENT_SEQUENTIAL_WITH_TTL;
import static org.apache.zookeeper.CreateMode.PERSISTENT_WITH_TTL;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.zookeeper.AddWatchMode;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.StatsTrack;
import org.apache.zookeeper.Watcher.WatcherType;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooDefs.Perms;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;

/** Hand-written scripts, each a use of the client API whose every answer and event both servers must share. */
final class ContractScripts {

    static final List<ACL> OPEN = Ids.OPEN_ACL_UNSAFE;

    private ContractScripts() {
    }

    static Map<String, Consumer<Script>> all() {
        Map<String, Consumer<Script>> scripts = new LinkedHashMap<>();
        scripts.put("crud", ContractScripts::crud);
        scripts.put("sequentialAndEphemeral", ContractScripts::sequentialAndEphemeral);
        scripts.put("oneShotWatches", ContractScripts::oneShotWatches);
        scripts.put("persistentWatches", ContractScripts::persistentWatches);
        scripts.put("removeWatches", ContractScripts::removeWatches);
        scripts.put("multi", ContractScripts::multi);
        scripts.put("aclsAndAuth", ContractScripts::aclsAndAuth);
        scripts.put("superUser", ContractScripts::superUser);
        scripts.put("containersAndTtl", ContractScripts::containersAndTtl);
        scripts.put("quotas", ContractScripts::quotas);
        scripts.put("specialNodes", ContractScripts::specialNodes);
        scripts.put("failedWritesConsumeZxids", ContractScripts::failedWritesConsumeZxids);
        scripts.put("badAuthScheme", ContractScripts::badAuthScheme);
        scripts.put("persistentWatchRemoval", ContractScripts::persistentWatchRemoval);
        scripts.put("oversizedRequest", ContractScripts::oversizedRequest);
        return scripts;
    }

    static void crud(Script s) {
        var c = s.c1();
        c.create("/a", "one", OPEN, PERSISTENT);
        c.create2("/b", null, OPEN, PERSISTENT, -1);
        c.getData("/b", false);
        c.create("/a", "again", OPEN, PERSISTENT);
        c.create("/missing/child", "x", OPEN, PERSISTENT);
        c.getData("/a", false);
        c.setData("/a", "two", 0);
        c.setData("/a", "three", 0);
        c.setData("/a", "four", -1);
        c.setData("/missing", "x", -1);
        c.create("/a/k1", "", OPEN, PERSISTENT);
        c.create2("/a/k2", "kid", OPEN, PERSISTENT, -1);
        c.children("/a", false);
        c.childrenOnly("/a", false);
        c.allChildrenNumber("/a");
        c.allChildrenNumber("/");
        c.delete("/a", -1);
        c.delete("/a/k1", 3);
        c.delete("/a/k1", 0);
        c.delete("/a/k1", -1);
        c.exists("/a/k1", false);
        c.exists("/a", false);
        c.children("/a", false);
        c.sync("/a");
        c.sync("/nothing-here");
        c.getData("/", false);
        c.childrenOnly("/", false);
        c.setData("/a", "x".repeat(1000), 2);
        c.getData("/a", false);
        c.delete("/missing", -1);
    }

    static void sequentialAndEphemeral(Script s) {
        var c1 = s.c1();
        var c2 = s.c2();
        c1.create("/q", "", OPEN, PERSISTENT);
        c1.create("/q/n-", "", OPEN, PERSISTENT_SEQUENTIAL);
        c1.create2("/q/n-", "", OPEN, EPHEMERAL_SEQUENTIAL, -1);
        c2.create("/q/e-", "", OPEN, EPHEMERAL_SEQUENTIAL);
        c1.delete("/q/n-0000000000", -1);
        c1.create("/q/n-", "", OPEN, PERSISTENT_SEQUENTIAL);
        c1.create("/q/", "", OPEN, PERSISTENT_SEQUENTIAL);
        c1.create("/eph", "mine", OPEN, EPHEMERAL);
        c1.exists("/eph", false);
        c1.create("/eph/child", "", OPEN, PERSISTENT);
        c1.create("/eph/child", "", OPEN, EPHEMERAL);
        c1.create("/eph/seq-", "", OPEN, PERSISTENT_SEQUENTIAL);
        c2.create("/eph2", "", OPEN, EPHEMERAL);
        c1.ephemerals("/");
        c1.ephemerals("/q");
        c1.ephemerals("/q/n");
        c2.ephemerals("/");
        c1.children("/q", false);
        c2.exists("/eph", true);
        c2.getData("/q/n-0000000001", true);
        c2.children("/q", true);
        c1.close();
        c2.exists("/eph", false);
        c2.children("/q", false);
        c2.getData("/q", false);
        s.client(3).create("/q/n-", "", OPEN, PERSISTENT_SEQUENTIAL);
    }

    static void oneShotWatches(Script s) {
        var c1 = s.c1();
        var c2 = s.c2();
        c1.exists("/w", true);
        c2.exists("/w", true);
        c1.create("/w", "v0", OPEN, PERSISTENT);
        c1.getData("/w", true);
        c2.getData("/w", true);
        c1.children("/w", true);
        c1.setData("/w", "v1", -1);
        c1.setData("/w", "v2", -1);
        c1.getData("/w", true);
        c2.children("/w", true);
        c1.create("/w/kid", "", OPEN, PERSISTENT);
        c1.getData("/w/kid", true);
        c2.exists("/w/kid", true);
        c1.children("/w", true);
        c1.delete("/w/kid", -1);
        c1.exists("/w", true);
        c2.children("/w", true);
        c1.delete("/w", -1);
        c1.exists("/w", false);
        c2.exists("/w", false);
        c1.getData("/nope", true);
        c1.create("/nope", "", OPEN, PERSISTENT);
    }

    static void persistentWatches(Script s) {
        var c1 = s.c1();
        var c2 = s.c2();
        c1.create("/p", "", OPEN, PERSISTENT);
        c1.addWatch("/p", AddWatchMode.PERSISTENT);
        c1.addWatch("/r", AddWatchMode.PERSISTENT_RECURSIVE);
        c2.create("/p/a", "", OPEN, PERSISTENT);
        c2.setData("/p", "1", -1);
        c2.setData("/p", "2", -1);
        c2.create("/r", "", OPEN, PERSISTENT);
        c2.create("/r/x", "", OPEN, PERSISTENT);
        c2.create("/r/x/y", "", OPEN, EPHEMERAL);
        c2.setData("/r/x/y", "d", -1);
        c2.multi("recursive", List.of(Op.create("/r/m", null, OPEN, PERSISTENT), Op.setData("/r/x", null, -1),
                Op.delete("/r/m", -1)));
        c1.getData("/r/x", true);
        c2.setData("/r/x", "both", -1);
        c1.removeAllWatches("/r", WatcherType.Any);
        c2.delete("/r/x/y", -1);
        c1.addWatch("/p", AddWatchMode.PERSISTENT_RECURSIVE);
        c2.create("/p/a/b", "", OPEN, PERSISTENT);
        c2.delete("/p/a/b", -1);
        c2.close();
        c1.childrenOnly("/p", false);
    }

    static void removeWatches(Script s) {
        var c1 = s.c1();
        var c2 = s.c2();
        c1.create("/rw", "", OPEN, PERSISTENT);
        c1.removeWatches("/rw", WatcherType.Data);
        c1.removeAllWatches("/rw", WatcherType.Any);
        c1.getData("/rw", true);
        c1.children("/rw", true);
        c1.removeWatches("/rw", WatcherType.Children);
        c1.removeWatches("/rw", WatcherType.Children);
        c2.create("/rw/k", "", OPEN, PERSISTENT);
        c1.removeAllWatches("/rw", WatcherType.Data);
        c2.setData("/rw", "x", -1);
        c1.exists("/rw/none", true);
        c1.removeWatches("/rw/none", WatcherType.Data);
        c1.exists("/rw/none", true);
        c1.removeAllWatches("/rw/none", WatcherType.Any);
        c2.create("/rw/none", "", OPEN, PERSISTENT);
        c1.addWatch("/rw", AddWatchMode.PERSISTENT);
        c1.removeAllWatches("/rw", WatcherType.Persistent);
        c1.addWatch("/rw", AddWatchMode.PERSISTENT_RECURSIVE);
        c1.removeAllWatches("/rw", WatcherType.PersistentRecursive);
        c2.setData("/rw", "y", -1);
        c1.removeAllWatches("/rw", WatcherType.Any);
    }

    static void multi(Script s) {
        var c1 = s.c1();
        var c2 = s.c2();
        c1.create("/m", "", OPEN, PERSISTENT);
        c2.getData("/m", true);
        c2.children("/m", true);
        c1.multi("ok", List.of(Op.create("/m/a", "a".getBytes(), OPEN, PERSISTENT),
                Op.create("/m/s-", null, OPEN, PERSISTENT_SEQUENTIAL),
                Op.create("/m/e", null, OPEN, EPHEMERAL, 0),
                Op.setData("/m", "m".getBytes(), 0), Op.check("/m/a", 0), Op.delete("/m/a", 0)));
        c1.multi("fails at check", List.of(Op.create("/m/b", null, OPEN, PERSISTENT), Op.check("/m", 7),
                Op.setData("/m", null, -1)));
        c1.multi("fails at create", List.of(Op.setData("/m", null, -1), Op.create("/m/s-0000000001", null,
                OPEN, PERSISTENT), Op.delete("/m", -1)));
        c1.multi("not empty", List.of(Op.delete("/m", -1)));
        c1.multi("empty", List.of());
        c1.multi("create then child", List.of(Op.create("/m/x", null, OPEN, PERSISTENT),
                Op.create("/m/x/y", null, OPEN, PERSISTENT), Op.create("/m/x/y/z-", null, OPEN,
                        PERSISTENT_SEQUENTIAL), Op.delete("/m/x/y/z-0000000000", -1)));
        c1.multi("ephemeral parent", List.of(Op.create("/m/e/kid", null, OPEN, PERSISTENT)));
        c1.multi("read", List.of(Op.getData("/m"), Op.getChildren("/m"), Op.getData("/m/none"),
                Op.getChildren("/m/x")));
        c1.multi("read missing", List.of(Op.getChildren("/none")));
        c1.multi("container and ttl", List.of(Op.create("/m/c", null, OPEN, CONTAINER),
                Op.create("/m/t", null, OPEN, PERSISTENT_WITH_TTL, 5_000)));
        c1.getData("/m", false);
        c1.children("/m", false);
    }

    static void aclsAndAuth(Script s) {
        var c1 = s.c1();
        var c2 = s.c2();
        c1.whoAmI();
        c1.create("/creator", "", Ids.CREATOR_ALL_ACL, PERSISTENT);
        c1.addAuth("digest", "alice:pw");
        c1.whoAmI();
        c1.create("/creator", "", Ids.CREATOR_ALL_ACL, PERSISTENT);
        c1.getAcl("/creator");
        c2.getData("/creator", false);
        c2.getAcl("/creator");
        c2.exists("/creator", false);
        c2.children("/creator", false);
        c2.setData("/creator", "x", -1);
        c2.delete("/creator", -1);
        c1.create("/readonly", "r", Ids.READ_ACL_UNSAFE, PERSISTENT);
        c2.getAcl("/readonly");
        c2.getData("/readonly", false);
        c2.setData("/readonly", "w", -1);
        c2.create("/readonly/kid", "", OPEN, PERSISTENT);
        c2.setAcl("/readonly", OPEN, -1);
        List<ACL> mixed = List.of(new ACL(Perms.READ, new Id("digest", "alice:pw")),
                new ACL(Perms.ALL, new Id("digest", "bob:ZpV+2lhMwK5PV4BbRGnPy2imR9A=")),
                new ACL(Perms.READ, new Id("world", "anyone")));
        c1.create("/mixed", "", mixed, PERSISTENT);
        c1.getAcl("/mixed");
        c2.getAcl("/mixed");
        c1.setAcl("/creator", List.of(new ACL(Perms.READ | Perms.ADMIN, Ids.ANYONE_ID_UNSAFE),
                new ACL(Perms.ALL, new Id("auth", ""))), 5);
        c1.setAcl("/creator", List.of(new ACL(Perms.READ | Perms.ADMIN, Ids.ANYONE_ID_UNSAFE),
                new ACL(Perms.ALL, new Id("auth", ""))), 0);
        c2.getAcl("/creator");
        c1.getAcl("/creator");
        c1.create("/ip", "", List.of(new ACL(Perms.ALL, new Id("ip", "127.0.0.1"))), PERSISTENT);
        c2.setData("/ip", "from loopback", -1);
        c1.create("/ipnet", "", List.of(new ACL(Perms.ALL, new Id("ip", "10.0.0.0/8"))), PERSISTENT);
        c2.getData("/ipnet", false);
        c1.create("/badip", "", List.of(new ACL(Perms.ALL, new Id("ip", "not-an-ip"))), PERSISTENT);
        c1.create("/badscheme", "", List.of(new ACL(Perms.ALL, new Id("nosuch", "x"))), PERSISTENT);
        c1.create("/baddigest", "", List.of(new ACL(Perms.ALL, new Id("digest", "nocolon"))), PERSISTENT);
        c1.create("/noacl", "", List.of(), PERSISTENT);
        c1.create("/nullperm", "", List.of(new ACL(0, Ids.ANYONE_ID_UNSAFE)), PERSISTENT);
        c1.getAcl("/nullperm");
        c2.addAuth("ip", "whatever");
        c2.whoAmI();
        c2.addAuth("digest", "bob:bob");
        c2.whoAmI();
        c2.setData("/mixed", "bob", -1);
        c2.getAcl("/mixed");
        c2.create("/creator2", "", Ids.CREATOR_ALL_ACL, PERSISTENT);
        c2.getAcl("/creator2");
        c2.getAcl("/missing");
        c1.setAcl("/missing", OPEN, -1);
    }

    static void superUser(Script s) {
        var c1 = s.c1();
        var c2 = s.c2();
        c1.addAuth("digest", "alice:pw");
        c1.create("/locked", "secret", Ids.CREATOR_ALL_ACL, PERSISTENT);
        c1.create("/locked/kid", "", Ids.CREATOR_ALL_ACL, PERSISTENT);
        c2.getData("/locked", false);
        c2.addAuth("digest", "super:secret");
        c2.whoAmI();
        c2.getData("/locked", false);
        c2.getAcl("/locked");
        c2.setData("/locked", "mine", -1);
        c2.delete("/locked/kid", -1);
        c2.setAcl("/locked", OPEN, -1);
        c2.addAuth("digest", "super:wrong");
        c2.whoAmI();
    }

    static void containersAndTtl(Script s) {
        var c1 = s.c1();
        c1.create2("/c", "", OPEN, CONTAINER, -1);
        c1.create("/c2", "", OPEN, CONTAINER);
        c1.create("/c/kid", "", OPEN, PERSISTENT);
        c1.create("/c/eph", "", OPEN, EPHEMERAL);
        c1.getData("/c", false);
        c1.create2("/t", "", OPEN, PERSISTENT_WITH_TTL, 60_000);
        c1.create2("/t/kid", "", OPEN, PERSISTENT_WITH_TTL, 1);
        c1.create2("/ts-", "", OPEN, PERSISTENT_SEQUENTIAL_WITH_TTL, 1000);
        c1.create2("/tbad", "", OPEN, PERSISTENT_WITH_TTL, 0);
        c1.create2("/tbig", "", OPEN, PERSISTENT_WITH_TTL, 0xff_ffff_ffffL);
        c1.create2("/tbig", "", OPEN, PERSISTENT_WITH_TTL, 0x100_0000_0000L);
        c1.create2("/notttl", "", OPEN, PERSISTENT, 500);
        c1.getData("/t", false);
        c1.children("/", false);
        c1.ephemerals("/");
        c1.delete("/c/kid", -1);
        c1.delete("/c/eph", -1);
        c1.exists("/c", false);
        c1.allChildrenNumber("/c");
    }

    static void quotas(Script s) {
        var c1 = s.c1();
        s.c2().addWatch("/", AddWatchMode.PERSISTENT_RECURSIVE);
        c1.create("/quota", "", OPEN, PERSISTENT);
        c1.create("/quota/soft", "", OPEN, PERSISTENT);
        StatsTrack hard = new StatsTrack();
        hard.setCountHardLimit(3);
        hard.setByteHardLimit(10);
        setQuota(s, c1, "/quota", hard);
        StatsTrack soft = new StatsTrack();
        soft.setCount(1);
        soft.setBytes(2);
        c1.create("/free", "", OPEN, PERSISTENT);
        setQuota(s, c1, "/free", soft);
        c1.getData("/zookeeper/quota/quota/zookeeper_limits", false);
        c1.getData("/zookeeper/quota/quota/zookeeper_stats", false);
        c1.create("/quota/a", "12345", OPEN, PERSISTENT);
        c1.create("/quota/b", "", OPEN, PERSISTENT);
        c1.create("/quota/c", "", OPEN, PERSISTENT);
        c1.setData("/quota/a", "12345678901", -1);
        c1.setData("/quota/a", "1234567890", -1);
        c1.setData("/quota", "x", -1);
        c1.multi("over quota", List.of(Op.delete("/quota/soft", -1), Op.create("/quota/d", null, OPEN,
                PERSISTENT)));
        c1.delete("/quota/soft", -1);
        c1.create("/quota/d", "", OPEN, PERSISTENT);
        c1.getData("/zookeeper/quota/quota/zookeeper_stats", false);
        c1.create("/free/a", "much more than two bytes", OPEN, PERSISTENT);
        c1.create("/free/b", "", OPEN, PERSISTENT);
        c1.childrenOnly("/zookeeper/quota", false);
        c1.delete("/zookeeper/quota", -1);
    }

    /** What the CLI's setquota does: the limits node, then the stats node the server keeps up to date. */
    private static void setQuota(Script s, ScriptClient client, String path, StatsTrack quota) {
        String base = "/zookeeper/quota" + path;
        client.create(base, null, OPEN, PERSISTENT);
        client.create(base + "/zookeeper_limits", quota.toString(), OPEN, PERSISTENT);
        client.create(base + "/zookeeper_stats", "count=0,bytes=0", OPEN, PERSISTENT);
    }

    static void specialNodes(Script s) {
        var c1 = s.c1();
        c1.childrenOnly("/zookeeper", false);
        c1.getData("/zookeeper", false);
        c1.getData("/zookeeper/config", false);
        c1.getAcl("/zookeeper");
        c1.getAcl("/zookeeper/config");
        c1.delete("/zookeeper", -1);
        c1.delete("/zookeeper/quota", -1);
        c1.delete("/zookeeper/config", -1);
        c1.delete("/", -1);
        c1.create("/zookeeper/mine", "", OPEN, PERSISTENT);
        c1.delete("/zookeeper/mine", -1);
        c1.setData("/zookeeper", "x", -1);
        c1.setData("/zookeeper/config", "x", -1);
        c1.create("/", "", OPEN, PERSISTENT);
        c1.create("/zookeeper", "", OPEN, PERSISTENT);
        c1.create("/bad//path", "", OPEN, PERSISTENT);
        c1.create("/bad/./path", "", OPEN, PERSISTENT);
        c1.create("relative", "", OPEN, PERSISTENT);
        c1.allChildrenNumber("/zookeeper");
        c1.exists("/zookeeper/quota", false);
        c1.sync("/");
    }

    static void failedWritesConsumeZxids(Script s) {
        var c1 = s.c1();
        c1.create("/f", "", OPEN, PERSISTENT);
        c1.create("/f", "", OPEN, PERSISTENT);
        c1.setData("/f", "", 9);
        c1.delete("/nope", -1);
        c1.create("/f/eph", "", OPEN, EPHEMERAL);
        c1.create("/f/eph/x", "", OPEN, PERSISTENT);
        c1.multi("fails", List.of(Op.check("/f", 3)));
        c1.create2("/f/next", "", OPEN, PERSISTENT, -1);
        c1.getData("/f", false);
        c1.exists("/nope", false);
        c1.getData("/nope", false);
        c1.create2("/f/after-reads", "", OPEN, PERSISTENT, -1);
        c1.sync("/f");
        c1.create2("/f/after-sync", "", OPEN, PERSISTENT, -1);
        c1.close();
        s.c2().exists("/f/eph", false);
        s.c2().create2("/f/after-close", "", OPEN, PERSISTENT, -1);
    }

    static void persistentWatchRemoval(Script s) {
        var c1 = s.c1();
        var c2 = s.c2();
        c1.create("/pw", "", OPEN, PERSISTENT);
        c1.addWatch("/pw", AddWatchMode.PERSISTENT);
        c1.removeWatches("/pw", WatcherType.Data);
        c1.removeWatches("/pw", WatcherType.Children);
        c2.setData("/pw", "1", -1);
        c1.getData("/pw", true);
        c1.addWatch("/pw", AddWatchMode.PERSISTENT_RECURSIVE);
        c2.setData("/pw", "2", -1);
        c1.removeWatches("/pw", WatcherType.Persistent);
        c1.removeWatches("/pw", WatcherType.PersistentRecursive);
        c2.create("/pw/k", "", OPEN, PERSISTENT);
        c1.addWatch("/pw", AddWatchMode.PERSISTENT_RECURSIVE);
        c1.exists("/pw/k", true);
        c1.removeAllWatches("/pw/k", WatcherType.Any);
        c2.delete("/pw/k", -1);
        c1.removeAllWatches("/pw", WatcherType.Data);
        c1.removeAllWatches("/pw", WatcherType.Any);
        c1.removeAllWatches("/pw", WatcherType.Any);
        c2.setData("/pw", "3", -1);
    }

    /** A request larger than jute.maxbuffer: the server drops the connection, the session lives on. */
    static void oversizedRequest(Script s) {
        var c1 = s.c1();
        c1.create("/big", "small", OPEN, PERSISTENT);
        c1.create("/big/eph", "", OPEN, EPHEMERAL);
        c1.setData("/big", "x".repeat(1_100_000), -1);
        c1.getData("/big", false);
        c1.exists("/big/eph", false);
        c1.setData("/big", "y".repeat(1_000_000), -1);
        c1.getData("/big/eph", false);
    }

    static void badAuthScheme(Script s) {
        var c1 = s.c1();
        c1.create("/before", "", OPEN, PERSISTENT);
        s.c3().addAuth("digest", "nocolon");
        s.c3().whoAmI();
        c1.addAuth("nosuchscheme", "x");
        c1.exists("/before", false);
        s.c2().exists("/before", false);
    }
}
