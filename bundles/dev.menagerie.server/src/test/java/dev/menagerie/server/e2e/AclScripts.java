package dev.menagerie.server.e2e;

import static org.apache.zookeeper.CreateMode.CONTAINER;
import static org.apache.zookeeper.CreateMode.PERSISTENT;
import static org.apache.zookeeper.CreateMode.PERSISTENT_WITH_TTL;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.zookeeper.AddWatchMode;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooDefs.Perms;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;

/**
 * The ACL scripts next to the matrix: which ACLs a create or setACL refuses (InvalidACL), which watch events an ACL
 * holds back, and what the super user may do. Clients are numbered as in {@link AclMatrix}.
 */
final class AclScripts {

    private static final List<ACL> OPEN = AclMatrix.OPEN;

    private AclScripts() {
    }

    /** The matrix scripts, then these: everything the ACL differential tests run, by name. */
    static Map<String, Consumer<Script>> everything() {
        Map<String, Consumer<Script>> scripts = new LinkedHashMap<>(AclMatrix.scripts());
        scripts.putAll(all());
        return scripts;
    }

    static Map<String, Consumer<Script>> all() {
        Map<String, Consumer<Script>> scripts = new LinkedHashMap<>();
        scripts.put("acl-validation", AclScripts::validation);
        scripts.put("acl-watchFiltering", AclScripts::watchFiltering);
        scripts.put("acl-superUser", AclScripts::superUser);
        return scripts;
    }

    /** The ACLs Apache's fixupACL refuses or rewrites, on every kind of request that carries an ACL. */
    static List<List<ACL>> candidateAcls() {
        List<List<ACL>> acls = new ArrayList<>();
        acls.add(List.of());
        for (String[] id : new String[][] {{"auth", ""}, {"auth", "whatever"}, {"ip", "not-an-ip"},
            {"ip", "10.0.0.0/33"}, {"ip", "10.0.0.0/-1"}, {"ip", "10.0.0.0/x"}, {"ip", "10.0.0.1/8"}, {"ip", "1.2.3"},
            {"ip", "::1"}, {"ip", "fe80::/10"}, {"ip", "10.0.0.0/0"}, {"ip", ""}, {"digest", "alice"},
            {"digest", "alice:pw:x"}, {"digest", ":"}, {"digest", "alice:"}, {"world", "nobody"},
            {"world", "anyone"}, {"super", ""}, {"x509", "CN=alice"}, {"sasl", "alice"}, {"nosuch", "x"},
            {"", ""}}) {
            acls.add(List.of(new ACL(Perms.ALL, new Id(id[0], id[1]))));
        }
        acls.add(List.of(new ACL(0, Ids.ANYONE_ID_UNSAFE)));
        acls.add(List.of(new ACL(0x7f, Ids.ANYONE_ID_UNSAFE)));
        acls.add(List.of(new ACL(Perms.READ, Ids.ANYONE_ID_UNSAFE), new ACL(Perms.READ, Ids.ANYONE_ID_UNSAFE)));
        acls.add(List.of(new ACL(Perms.READ, Ids.ANYONE_ID_UNSAFE), new ACL(Perms.ALL, new Id("auth", "")),
                new ACL(Perms.ALL, new Id("nosuch", "x"))));
        return acls;
    }

    /** Each candidate ACL on create, create2, createContainer, createTTL, multi create and setACL. */
    static void validation(Script s) {
        AclMatrix.owner(s);
        AclMatrix.testers(s);
        var owner = s.client(1);
        owner.create("/v", "", OPEN, PERSISTENT);
        int n = 0;
        for (List<ACL> acl : candidateAcls()) {
            for (int tester : List.of(2, 3)) {
                var t = s.client(tester);
                String path = "/v/n" + n++;
                s.note(Script.acl(acl) + " by c" + tester);
                t.create(path, "", acl, PERSISTENT);
                t.create2(path + "b", "", acl, PERSISTENT, -1);
                t.create2(path + "c", "", acl, CONTAINER, -1);
                t.create2(path + "t", "", acl, PERSISTENT_WITH_TTL, 60_000);
                t.multi("create", List.of(Op.create(path + "m", null, acl, PERSISTENT)));
                t.create(path + "s", "", OPEN, PERSISTENT);
                t.setAcl(path + "s", acl, -1);
                t.getAcl(path);
                t.getAcl(path + "s");
            }
        }
    }

    /**
     * Watches set while a node was open, then the node closed to the watcher: Apache (since 3.9.2) delivers an event
     * only to a connection that may READ the node the event is about, at the time it fires.
     */
    static void watchFiltering(Script s) {
        AclMatrix.owner(s);
        AclMatrix.testers(s);
        var owner = s.client(1);
        List<ACL> aliceOnly = List.of(new ACL(Perms.ALL, new Id("digest", AclMatrix.ALICE)));
        owner.create("/w", "", OPEN, PERSISTENT);
        owner.create("/w/a", "", OPEN, PERSISTENT);
        for (int tester : List.of(2, 3, 4)) {
            var t = s.client(tester);
            t.getData("/w", true);
            t.exists("/w/a", true);
            t.childrenOnly("/w", true);
            t.addWatch("/w", AddWatchMode.PERSISTENT_RECURSIVE);
            t.addWatch("/w/a", AddWatchMode.PERSISTENT);
        }
        owner.setAcl("/w", aliceOnly, -1);
        owner.setAcl("/w/a", List.of(new ACL(Perms.WRITE | Perms.ADMIN, Ids.ANYONE_ID_UNSAFE),
                new ACL(Perms.READ, new Id("digest", AclMatrix.ALICE))), -1);
        owner.setData("/w", "x", -1);
        owner.create("/w/open", "", OPEN, PERSISTENT);
        owner.create("/w/secret", "", aliceOnly, PERSISTENT);
        owner.setData("/w/a", "y", -1);
        owner.setData("/w/open", "z", -1);
        owner.setData("/w/secret", "z", -1);
        owner.delete("/w/secret", -1);
        owner.delete("/w/a", -1);
        owner.setAcl("/w", OPEN, -1);
        owner.create("/w/after", "", OPEN, PERSISTENT);
        owner.delete("/w/after", -1);
    }

    /** The super user passes every check, but still gets InvalidACL for a bad ACL and NoNode for a missing node. */
    static void superUser(Script s) {
        var root = s.client(1);
        root.addAuth("digest", "super:secret");
        root.whoAmI();
        var alice = s.client(3);
        alice.addAuth("digest", "alice:pw");
        List<ACL> none = List.of(new ACL(0, new Id("digest", AclMatrix.ALICE)));
        alice.create("/closed", "secret", none, PERSISTENT);
        alice.getData("/closed", false);
        root.getData("/closed", false);
        root.getAcl("/closed");
        root.exists("/closed", true);
        root.children("/closed", true);
        root.create("/closed/kid", "", OPEN, PERSISTENT);
        root.setData("/closed", "root was here", -1);
        root.multi("all", List.of(Op.check("/closed", -1), Op.setData("/closed", null, -1),
                Op.delete("/closed/kid", -1), Op.create("/closed/kid2", null, OPEN, PERSISTENT)));
        root.create("/closed/auth", "", List.of(new ACL(Perms.ALL, new Id("auth", ""))), PERSISTENT);
        root.getAcl("/closed/auth");
        root.create("/closed/bad", "", List.of(new ACL(Perms.ALL, new Id("ip", "nope"))), PERSISTENT);
        root.setAcl("/missing", OPEN, -1);
        root.setAcl("/closed", OPEN, 7);
        root.setAcl("/closed", OPEN, 0);
        alice.getData("/closed", false);
        var impostor = s.client(2);
        impostor.addAuth("digest", "super:guess");
        impostor.whoAmI();
        impostor.setAcl("/closed", none, -1);
        impostor.create("/closed/x", "", OPEN, PERSISTENT);
    }
}
