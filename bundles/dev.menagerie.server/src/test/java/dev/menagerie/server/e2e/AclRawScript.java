package dev.menagerie.server.e2e;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.jute.Record;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooDefs.OpCode;
import org.apache.zookeeper.ZooDefs.Perms;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.proto.CreateRequest;
import org.apache.zookeeper.proto.ExistsRequest;
import org.apache.zookeeper.proto.ReconfigRequest;
import org.apache.zookeeper.proto.ReplyHeader;
import org.apache.zookeeper.proto.SetDataRequest;
import org.apache.zookeeper.proto.SetWatches2;

/**
 * The ACL-relevant requests the official client sends only on its own: setWatches2 (on reconnect, with the watches
 * it held) and reconfig (ZooKeeperAdmin), as raw frames from clients with and without credentials.
 *
 * <p>A finding: Apache 3.9.5 holds back a live watch event from a connection that may not READ its node, but the
 * events setWatches synthesizes at once (the node changed, or lost a child, since the client's zxid) go out without
 * that check, so a client without READ learns that a node it cannot read changed. Menagerie checks them too;
 * DifferentialAclTest removes exactly those events from Apache's transcript before comparing.
 * A standalone server answers reconfig with ReconfigDisabled (or Unimplemented when enabled) before any ACL check.
 */
final class AclRawScript {

    private static final List<ACL> ALICE_ONLY = List.of(new ACL(Perms.ALL, new Id("digest", AclMatrix.ALICE)));

    private final List<String> lines = new ArrayList<>();

    private AclRawScript() {
    }

    static List<String> run(int port) throws IOException {
        AclRawScript script = new AclRawScript();
        script.setWatchesAndReconfig(port);
        return script.lines;
    }

    private void setWatchesAndReconfig(int port) throws IOException {
        try (RawClient owner = new RawClient(port); RawClient anonymous = new RawClient(port);
                RawClient alice = new RawClient(port)) {
            line("owner", owner, "auth super", owner.auth("digest", "super:secret"));
            line("alice", alice, "auth alice", alice.auth("digest", "alice:pw"));
            line("owner", owner, "create /s", owner.call(OpCode.create, create("/s", Ids.OPEN_ACL_UNSAFE)));
            line("owner", owner, "create /s/open", owner.call(OpCode.create, create("/s/open", Ids.OPEN_ACL_UNSAFE)));
            line("owner", owner, "create /s/secret", owner.call(OpCode.create, create("/s/secret", ALICE_ONLY)));
            line("owner", owner, "setData /s/secret", owner.call(OpCode.setData, setData("/s/secret")));
            for (RawClient watcher : List.of(anonymous, alice)) {
                String who = watcher == alice ? "alice" : "anonymous";
                // Watches as a reconnecting client re-registers them: the one-shot ones fire at once if their
                // node changed (or vanished) since zxid 1.
                List<String> paths = List.of("/s/open", "/s/secret", "/s/gone");
                line(who, watcher, "setWatches2 zxid=1", watcher.call(OpCode.setWatches2,
                        new SetWatches2(1, paths, List.of("/s/new-secret"), paths, List.of("/s/secret"),
                                List.of("/s"))));
            }
            line("owner", owner, "create /s/new-secret", owner.call(OpCode.create,
                    create("/s/new-secret", ALICE_ONLY)));
            line("owner", owner, "setData /s/secret", owner.call(OpCode.setData, setData("/s/secret")));
            line("owner", owner, "setData /s/open", owner.call(OpCode.setData, setData("/s/open")));
            for (RawClient watcher : List.of(anonymous, alice)) {
                line(watcher == alice ? "alice" : "anonymous", watcher, "exists /", watcher.call(OpCode.exists,
                        new ExistsRequest("/", false)));
            }
            for (RawClient client : List.of(anonymous, alice, owner)) {
                String who = client == owner ? "owner" : client == alice ? "alice" : "anonymous";
                line(who, client, "reconfig", client.call(OpCode.reconfig,
                        new ReconfigRequest(null, null, "server.9=127.0.0.1:2888:3888", -1)));
            }
        }
    }

    private void line(String who, RawClient client, String what, ReplyHeader reply) {
        for (String event : client.drainNotifications()) {
            lines.add(who + ": event " + event);
        }
        lines.add(who + ": " + what + " -> " + KeeperException.Code.get(reply.getErr()));
    }

    private static Record create(String path, List<ACL> acl) {
        return new CreateRequest(path, new byte[0], acl, 0);
    }

    private static Record setData(String path) {
        return new SetDataRequest(path, new byte[] {1}, -1);
    }
}
