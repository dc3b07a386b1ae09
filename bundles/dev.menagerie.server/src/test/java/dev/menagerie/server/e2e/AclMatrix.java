package dev.menagerie.server.e2e;

import static org.apache.zookeeper.CreateMode.CONTAINER;
import static org.apache.zookeeper.CreateMode.EPHEMERAL;
import static org.apache.zookeeper.CreateMode.PERSISTENT;
import static org.apache.zookeeper.CreateMode.PERSISTENT_SEQUENTIAL;
import static org.apache.zookeeper.CreateMode.PERSISTENT_WITH_TTL;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.zookeeper.AddWatchMode;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.Watcher.WatcherType;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooDefs.Perms;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;

/**
 * The ACL matrix: every ACL scheme a plain-text client port knows, times the permission sets that matter, times the
 * identities a client can hold, times every operation that checks an ACL (and the ones that check none). Each
 * (scheme, permissions, identity) cell gets a fresh node with one child, so a cell's writes cannot change another
 * cell's answers. Generated, but in a fixed order: the same script, line for line, on every run and every server.
 *
 * <p>Client 1 is the owner: the super user (it sets up every cell whatever the ACL) who is also alice. The testers:
 * client 2 holds no auth (only its {@code ip:127.0.0.1}), client 3 is alice with her password, client 4 claims alice
 * with a wrong one. x509 and sasl need a TLS port or a JAAS login: ClientTlsParityTest and ClientSaslTest cover them.
 */
final class AclMatrix {

    static final List<ACL> OPEN = Ids.OPEN_ACL_UNSAFE;
    /** {@code alice:pw} as Apache digests it with this JVM's {@code digestAlg}. */
    static final String ALICE = digest("alice:pw");

    private static final int OWNER = 1;
    private static final int NO_AUTH = 2;
    private static final int ALICE_PW = 3;
    private static final int WRONG_PASSWORD = 4;

    /** The permission sets: each bit alone, the pair a lock recipe uses, and all. */
    private static final Map<String, Integer> PERMS = perms();

    /** An ACL id kind: how its entry is written, and the testers whose identity could make a difference. */
    private record Kind(String name, Id id, List<Integer> testers) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("world", Ids.ANYONE_ID_UNSAFE, List.of(NO_AUTH)),
            new Kind("auth", new Id("auth", ""), List.of(NO_AUTH, ALICE_PW, WRONG_PASSWORD)),
            new Kind("digest", new Id("digest", ALICE), List.of(NO_AUTH, ALICE_PW, WRONG_PASSWORD)),
            new Kind("ipExact", new Id("ip", "127.0.0.1"), List.of(NO_AUTH)),
            new Kind("ipCidr", new Id("ip", "127.0.0.0/8"), List.of(NO_AUTH)),
            new Kind("ipOtherNet", new Id("ip", "10.0.0.0/8"), List.of(NO_AUTH)));

    private AclMatrix() {
    }

    static String digest(String userPassword) {
        try {
            return org.apache.zookeeper.server.auth.DigestAuthenticationProvider.generateDigest(userPassword);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Integer> perms() {
        Map<String, Integer> perms = new LinkedHashMap<>();
        perms.put("r", Perms.READ);
        perms.put("w", Perms.WRITE);
        perms.put("c", Perms.CREATE);
        perms.put("d", Perms.DELETE);
        perms.put("a", Perms.ADMIN);
        perms.put("cd", Perms.CREATE | Perms.DELETE);
        perms.put("all", Perms.ALL);
        return perms;
    }

    /** One script per ACL kind, named {@code acl-<kind>}. */
    static Map<String, Consumer<Script>> scripts() {
        Map<String, Consumer<Script>> scripts = new LinkedHashMap<>();
        for (Kind kind : KINDS) {
            scripts.put("acl-" + kind.name(), s -> kind(s, kind));
        }
        return scripts;
    }

    /** The number of cells and of operations per server, for the report. */
    static int cells() {
        return KINDS.stream().mapToInt(k -> k.testers().size()).sum() * PERMS.size();
    }

    static void owner(Script s) {
        var owner = s.client(OWNER);
        owner.addAuth("digest", "super:secret");
        owner.addAuth("digest", "alice:pw");
    }

    static void testers(Script s) {
        s.client(NO_AUTH);
        s.client(ALICE_PW).addAuth("digest", "alice:pw");
        s.client(WRONG_PASSWORD).addAuth("digest", "alice:wrong");
    }

    private static void kind(Script s, Kind kind) {
        owner(s);
        testers(s);
        s.client(OWNER).whoAmI();
        for (int tester : List.of(NO_AUTH, ALICE_PW, WRONG_PASSWORD)) {
            s.client(tester).whoAmI();
        }
        for (Map.Entry<String, Integer> perm : PERMS.entrySet()) {
            for (int tester : kind.testers()) {
                String node = "/" + kind.name() + "-" + perm.getKey() + "-c" + tester;
                s.note(node);
                cell(s, node, List.of(new ACL(perm.getValue(), kind.id())), s.client(tester));
            }
        }
    }

    /** Every operation by {@code t} on a node with {@code acl}: reads (with watches), writes, multi, then setACL. */
    private static void cell(Script s, String node, List<ACL> acl, ScriptClient t) {
        var owner = s.client(OWNER);
        owner.create(node, "data", acl, PERSISTENT);
        owner.getAcl(node);
        owner.create(node + "/kid", "", OPEN, PERSISTENT);
        owner.create(node + "/kid2", "", OPEN, PERSISTENT);
        t.exists(node, true);
        t.exists(node + "/none", true);
        t.getData(node, true);
        t.childrenOnly(node, true);
        t.children(node, false);
        t.allChildrenNumber(node);
        t.getAcl(node);
        t.ephemerals(node);
        t.sync(node);
        t.multi("read", List.of(Op.getData(node), Op.getChildren(node)));
        t.multi("check", List.of(Op.check(node, -1)));
        owner.setData(node, "changed by the owner", -1);
        owner.create(node + "/by-owner", "", OPEN, PERSISTENT);
        t.setData(node, "by the tester", -1);
        t.create(node + "/p", "", OPEN, PERSISTENT);
        t.create2(node + "/s-", "", OPEN, PERSISTENT_SEQUENTIAL, -1);
        t.create2(node + "/c", "", OPEN, CONTAINER, -1);
        t.create2(node + "/t", "", OPEN, PERSISTENT_WITH_TTL, 60_000);
        t.create(node + "/e", "", OPEN, EPHEMERAL);
        t.ephemerals(node);
        t.delete(node + "/kid", -1);
        t.delete(node + "/no-such-kid", -1);
        t.multi("create", List.of(Op.create(node + "/m", null, OPEN, PERSISTENT)));
        t.multi("setData", List.of(Op.setData(node, ScriptClient.bytes("multi"), -1)));
        t.multi("delete", List.of(Op.delete(node + "/kid2", -1)));
        t.multi("check+create", List.of(Op.check(node, -1), Op.create(node + "/mc", null, OPEN, PERSISTENT)));
        t.addWatch(node, AddWatchMode.PERSISTENT);
        owner.setData(node, "changed again", -1);
        t.removeWatches(node, WatcherType.Data);
        t.removeAllWatches(node, WatcherType.Any);
        t.setAcl(node, OPEN, -1);
        owner.getAcl(node);
        owner.children(node, false);
    }
}
