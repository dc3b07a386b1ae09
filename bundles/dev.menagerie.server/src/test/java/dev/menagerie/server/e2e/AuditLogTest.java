package dev.menagerie.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.admin.ZooKeeperAdmin;
import org.apache.zookeeper.audit.Slf4jAuditLogger;
import org.apache.zookeeper.audit.ZKAuditProvider;
import org.apache.zookeeper.data.ACL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code audit.enable=true} the server writes Apache ZooKeeper's audit lines: the same scenario run against
 * Apache 3.9.5 (its audit provider switched on in this JVM) and against Menagerie gives the same lines, apart from
 * the session ids.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class AuditLogTest {

    private static final String USER = System.getProperty("user.name");
    // Not List.of: the client asks the list whether it contains null, which List.of refuses to answer.
    private static final List<ACL> CREATOR_AND_READ = Arrays.asList(new ACL(ZooDefs.Perms.ALL, ZooDefs.Ids.AUTH_IDS),
            new ACL(ZooDefs.Perms.READ, ZooDefs.Ids.ANYONE_ID_UNSAFE));

    @TempDir
    Path dir;

    @Test
    void writesApacheAuditLinesForClientWritesAndSessionClose() throws Exception {
        List<String> lines;
        long[] sessions;
        try (AuditCapture audit = new AuditCapture()) {
            try (InJvmMenagerie server = new InJvmMenagerie(dir, "nio", "audit.enable=true")) {
                sessions = scenario(server.connectString());
            }
            lines = audit.lines();
        }
        // The user field lists the connection's ids in the order Apache's hash set holds them: not the order gained.
        String alice = "session=0x" + Long.toHexString(sessions[0]) + "\tuser=alice,127.0.0.1\tip=127.0.0.1";
        String anon = "session=0x" + Long.toHexString(sessions[1]) + "\tuser=127.0.0.1\tip=127.0.0.1";
        assertLines(List.of(
                "INFO user=" + USER + "\toperation=serverStart\tresult=success",
                "INFO " + alice + "\toperation=create\tznode=/a\tznode_type=persistent\tresult=success",
                "ERROR " + alice + "\toperation=create\tznode=/a\tznode_type=persistent\tresult=failure",
                "INFO " + alice + "\toperation=setData\tznode=/a\tresult=success",
                "ERROR " + alice + "\toperation=setData\tznode=/a\tresult=failure",
                "INFO " + alice + "\toperation=setAcl\tznode=/a\tacl=auth::cdrwaworld:anyone:r\tresult=success",
                "ERROR " + alice + "\toperation=setAcl\tznode=/missing\tacl=world:anyone:cdrwa\tresult=failure",
                "INFO " + alice + "\toperation=create\tznode=/a/s-0000000000\tznode_type=persistent_sequential"
                        + "\tresult=success",
                "INFO " + alice + "\toperation=create\tznode=/c\tznode_type=container\tresult=success",
                "INFO " + anon + "\toperation=create\tznode=/e\tznode_type=ephemeral\tresult=success",
                "INFO " + anon + "\toperation=create\tznode=/f\tznode_type=ephemeral\tresult=success",
                "ERROR " + anon + "\toperation=setData\tznode=/a\tresult=failure",
                "INFO " + alice + "\toperation=create\tznode=/m\tznode_type=persistent\tresult=success",
                "INFO " + alice + "\toperation=setData\tznode=/m\tresult=success",
                "INFO " + alice + "\toperation=delete\tznode=/m\tresult=success",
                "INFO " + alice + "\toperation=create\tznode=/m\tznode_type=persistent\tresult=success",
                "INFO " + alice + "\toperation=create\tznode=/m/q-0000000000\tresult=success",
                "ERROR " + alice + "\toperation=multiOperation\tresult=failure",
                "INFO " + alice + "\toperation=delete\tznode=/a/s-0000000000\tresult=success",
                "ERROR " + alice + "\toperation=delete\tznode=/nope\tresult=failure",
                "ERROR " + alice + "\toperation=reconfig\tresult=failure",
                deleted(sessions[1], "/e"),
                deleted(sessions[1], "/f"),
                "INFO user=" + USER + "\toperation=serverStop\tresult=invoked"), lines);
    }

    @Test
    void matchesApacheLineForLine() throws Exception {
        List<String> apache;
        try (AuditCapture audit = new AuditCapture(); ApacheAudit on = new ApacheAudit();
                InJvmApache server = new InJvmApache(dir.resolve("apache"))) {
            scenario(server.connectString());
            apache = audit.lines();
        }
        List<String> ours;
        try (AuditCapture audit = new AuditCapture()) {
            try (InJvmMenagerie server = new InJvmMenagerie(dir, "netty", "audit.enable=true")) {
                scenario(server.connectString());
            }
            // Apache's embedded server has no main class to write serverStart and serverStop.
            ours = audit.lines().stream().filter(line -> !line.contains("operation=server")).toList();
        }
        assertLines(withNumberedSessions(apache), withNumberedSessions(ours));
    }

    @Test
    void writesNothingWhenOff() throws Exception {
        try (AuditCapture audit = new AuditCapture()) {
            try (InJvmMenagerie server = new InJvmMenagerie(dir, "nio")) {
                scenario(server.connectString());
            }
            assertEquals(List.of(), audit.lines());
        }
    }

    @Test
    void refusesAnAuditLoggerClassItCannotProvide() {
        // zoo.cfg's parser refuses it first, with the file and line; the server would refuse it too.
        Exception refused = assertThrows(Exception.class,
                () -> new InJvmMenagerie(dir, "nio", "audit.enable=true", "audit.impl.class=com.example.MyAudit"));
        assertTrue(refused.getMessage().contains("audit.impl.class: not supported by Menagerie"),
                refused.getMessage());
        assertTrue(!refused.getMessage().contains("\n"), "one line");
    }

    @Test
    void acceptsApachesOwnAuditLoggerClass() throws Exception {
        try (AuditCapture audit = new AuditCapture()) {
            try (InJvmMenagerie server = new InJvmMenagerie(dir, "nio", "audit.enable=true",
                    "audit.impl.class=" + Slf4jAuditLogger.class.getName())) {
                assertEquals(1, audit.lines().size());
            }
        }
    }

    /**
     * Every audited kind of write, succeeding and failing, plus reads (never audited), from an authenticated
     * session and an anonymous one whose ephemeral node goes when it closes.
     * @return the two session ids
     */
    private static long[] scenario(String connectString) throws Exception {
        ZooKeeperAdmin alice = admin(connectString);
        ZooKeeper anon = JavaClientSmokeTest.connect(connectString, new LinkedBlockingQueue<>());
        long[] sessions = {alice.getSessionId(), anon.getSessionId()};
        try {
            alice.addAuthInfo("digest", "alice:secret".getBytes(StandardCharsets.UTF_8));
            byte[] one = "1".getBytes(StandardCharsets.UTF_8);
            alice.create("/a", one, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            assertThrows(KeeperException.NodeExistsException.class,
                    () -> alice.create("/a", one, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
            alice.setData("/a", one, 0);
            assertThrows(KeeperException.BadVersionException.class, () -> alice.setData("/a", one, 9));
            alice.setACL("/a", CREATOR_AND_READ, -1);
            assertThrows(KeeperException.NoNodeException.class,
                    () -> alice.setACL("/missing", ZooDefs.Ids.OPEN_ACL_UNSAFE, -1));
            alice.create("/a/s-", one, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL);
            alice.create("/c", one, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.CONTAINER);
            anon.create("/e", one, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
            anon.create("/f", one, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
            assertThrows(KeeperException.NoAuthException.class, () -> anon.setData("/a", one, -1));
            alice.getData("/a", false, null);
            alice.exists("/e", false);
            alice.getChildren("/", false);
            alice.multi(List.of(Op.create("/m", one, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT),
                    Op.setData("/m", one, 0), Op.check("/a", 1), Op.delete("/m", -1),
                    Op.create("/m", one, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT)));
            alice.multi(List.of(Op.create("/m/q-", one, ZooDefs.Ids.OPEN_ACL_UNSAFE,
                    CreateMode.PERSISTENT_SEQUENTIAL)));
            assertThrows(KeeperException.NoNodeException.class, () -> alice.multi(List.of(
                    Op.create("/x", one, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT),
                    Op.delete("/nope", -1))));
            alice.delete("/a/s-0000000000", -1);
            assertThrows(KeeperException.NoNodeException.class, () -> alice.delete("/nope", -1));
            assertThrows(KeeperException.ReconfigDisabledException.class,
                    () -> alice.reconfigure("server.9=127.0.0.1:2888:3888", (String) null, (String) null, -1, null));
        } finally {
            anon.close();
            alice.close();
        }
        return sessions;
    }

    private static ZooKeeperAdmin admin(String connectString) throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeperAdmin admin = new ZooKeeperAdmin(connectString, 10_000, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        assertTrue(connected.await(15, TimeUnit.SECONDS), "connected");
        return admin;
    }

    /** The server itself deletes a closed session's ephemerals, so the user is the one the server runs as. */
    private static String deleted(long session, String path) {
        return "INFO session=0x" + Long.toHexString(session) + "\tuser=" + USER
                + "\toperation=ephemeralZNodeDeletionOnSessionCloseOrExpire\tznode=" + path + "\tresult=success";
    }

    /** One line per line, so that a failure shows the lines that differ one under the other. */
    private static void assertLines(List<String> expected, List<String> actual) {
        assertEquals(String.join("\n", expected), String.join("\n", actual));
    }

    /** Session ids differ between servers: replaces each by S1, S2, ... in order of first appearance. */
    private static List<String> withNumberedSessions(List<String> lines) {
        Map<String, String> numbers = new LinkedHashMap<>();
        Pattern session = Pattern.compile("session=(0x[0-9a-f]+)");
        List<String> numbered = new ArrayList<>();
        for (String line : lines) {
            Matcher m = session.matcher(line);
            numbered.add(m.find() ? m.replaceFirst("session=" + numbers.computeIfAbsent(m.group(1),
                    id -> "S" + (numbers.size() + 1))) : line);
        }
        return numbered;
    }

    /** Switches Apache's audit provider on for this JVM while open: it reads its switch once, in a static block. */
    private static final class ApacheAudit implements AutoCloseable {
        private final Field enabled;
        private final Field logger;
        private final boolean wasEnabled;
        private final Object previousLogger;

        ApacheAudit() throws ReflectiveOperationException {
            enabled = ZKAuditProvider.class.getDeclaredField("auditEnabled");
            logger = ZKAuditProvider.class.getDeclaredField("auditLogger");
            enabled.setAccessible(true);
            logger.setAccessible(true);
            wasEnabled = enabled.getBoolean(null);
            previousLogger = logger.get(null);
            logger.set(null, new Slf4jAuditLogger());
            enabled.setBoolean(null, true);
        }

        @Override
        public void close() throws ReflectiveOperationException {
            enabled.setBoolean(null, wasEnabled);
            logger.set(null, previousLogger);
        }
    }
}
