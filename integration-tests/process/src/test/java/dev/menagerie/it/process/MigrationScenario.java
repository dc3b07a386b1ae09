package dev.menagerie.it.process;

import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooDefs.Perms;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.server.auth.DigestAuthenticationProvider;

/**
 * The writes whose result must survive a move of the data directory to the other server: nodes with data and
 * digest, world and creator ACLs, repeated setData and setACL, sequential children some of which are deleted, and
 * two sessions that each hold an ephemeral node and are left open when the server stops.
 */
public final class MigrationScenario {

    public static final String ROOT = "/app";
    public static final String USER = "alice:secret";
    public static final String EXPIRING_EPHEMERAL = ROOT + "/ephemeral-expiring";
    public static final String RESUMED_EPHEMERAL = ROOT + "/ephemeral-resumed";
    /**
     * The longest timeout tickTime=2000 allows: the reading server must be started and its tree captured before
     * the sessions left open expire, and a loaded CI machine once took 30 s to get a first client connected.
     */
    public static final int EPHEMERAL_SESSION_TIMEOUT_MS = 40_000;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final int SEQUENTIAL_CHILDREN = 30;

    /** The two sessions left open: one to expire on the new server, one to resume there. */
    public record OpenSessions(ZooKeeper expiring, ZooKeeper resumed) {
    }

    private MigrationScenario() {
    }

    /** An authenticated client (as {@link #USER}), so getACL shows digests and the secret node is readable. */
    public static ZooKeeper authenticatedClient(ServerProcess server) throws Exception {
        ZooKeeper client = Clients.connect(server.connectString(), 30_000, CONNECT_TIMEOUT);
        client.addAuthInfo("digest", USER.getBytes(StandardCharsets.UTF_8));
        return client;
    }

    public static OpenSessions write(ServerProcess server) throws Exception {
        ZooKeeper client = authenticatedClient(server);
        try {
            writePersistent(client);
        } finally {
            client.close();
        }
        ZooKeeper expiring = ephemeralOwner(server, EXPIRING_EPHEMERAL);
        ZooKeeper resumed = ephemeralOwner(server, RESUMED_EPHEMERAL);
        return new OpenSessions(expiring, resumed);
    }

    private static void writePersistent(ZooKeeper client)
            throws KeeperException, InterruptedException, NoSuchAlgorithmException {
        client.create(ROOT, bytes("application root"), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        Id alice = new Id("digest", DigestAuthenticationProvider.generateDigest(USER));
        // The client checks acl.contains(null), which List.of() refuses with an exception: use mutable lists.
        List<ACL> secretAcl = new ArrayList<>(List.of(new ACL(Perms.ALL, alice),
                new ACL(Perms.READ, Ids.ANYONE_ID_UNSAFE)));
        client.create(ROOT + "/secret", bytes("digest and world"), secretAcl, CreateMode.PERSISTENT);
        client.create(ROOT + "/creator-only", bytes("auth scheme"), Ids.CREATOR_ALL_ACL, CreateMode.PERSISTENT);
        client.create(ROOT + "/empty", null, Ids.READ_ACL_UNSAFE, CreateMode.PERSISTENT);

        client.create(ROOT + "/config", bytes("v0"), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        for (int version = 1; version <= 5; version++) {
            client.setData(ROOT + "/config", bytes("v" + version), version - 1);
        }
        client.create(ROOT + "/acl-changed", bytes("acl twice"), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        client.setACL(ROOT + "/acl-changed", secretAcl, 0);
        List<ACL> readWrite = new ArrayList<>(List.of(new ACL(Perms.READ | Perms.WRITE, alice)));
        client.setACL(ROOT + "/acl-changed", readWrite, 1);

        client.create(ROOT + "/seq", bytes("parent"), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        for (int i = 0; i < SEQUENTIAL_CHILDREN; i++) {
            String child = client.create(ROOT + "/seq/item-", bytes("item " + i), Ids.OPEN_ACL_UNSAFE,
                    CreateMode.PERSISTENT_SEQUENTIAL);
            if (i % 3 == 0) {
                client.delete(child, 0);
            }
        }
    }

    private static ZooKeeper ephemeralOwner(ServerProcess server, String path) throws Exception {
        ZooKeeper owner = Clients.connect(server.connectString(), EPHEMERAL_SESSION_TIMEOUT_MS, CONNECT_TIMEOUT);
        owner.create(path, bytes("owned by 0x" + Long.toHexString(owner.getSessionId())), Ids.OPEN_ACL_UNSAFE,
                CreateMode.EPHEMERAL);
        return owner;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
