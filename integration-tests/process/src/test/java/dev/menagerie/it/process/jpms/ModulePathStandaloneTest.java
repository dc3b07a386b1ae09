package dev.menagerie.it.process.jpms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.it.process.Clients;
import dev.menagerie.it.process.Distribution;
import dev.menagerie.testing.Await;
import dev.menagerie.testing.FreePorts;
import dev.menagerie.testing.ZooCfg;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher.Event.EventType;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

/**
 * The distribution's jars as named modules on the module path ({@code MENAGERIE_RUNTIME=modules bin/zkServer.sh}):
 * a standalone server that Apache's Java client uses, and the one-line refusals of what the module path cannot run.
 */
class ModulePathStandaloneTest {

    private static final Duration SERVING = Duration.ofSeconds(30);

    @Test
    void aStandaloneServerOnTheModulePathServesApachesClientAndStopsCleanly() throws Exception {
        int port = FreePorts.next();
        Path folder = Distribution.newWorkDir("jpms-standalone");
        try (ScriptedServer server = new ScriptedServer(folder, port, ZooCfg.standalone(folder.resolve("data"), port)
                .set("4lw.commands.whitelist", "srvr,ruok,stat").set("serverCnxnFactory", "netty"))) {
            ScriptedServer.Result started = server.run("start");
            assertTrue(started.output().contains("STARTED"), started.output());
            assertEquals("standalone", Await.until("zkServer.sh status to say standalone", SERVING, server::mode));
            assertTrue(server.log().contains("started on the module path (no OSGi framework)")
                    && server.log().contains("serverCnxnFactory=netty (dev.menagerie.transport.netty), storage=file"
                            + " (dev.menagerie.storage.file)"), "the log names the chosen types:\n" + server.log());

            ZooKeeper client = Clients.connect(server.connectString(), 10_000, SERVING);
            try {
                clientSmokeChecks(client);
            } finally {
                Clients.closeQuietly(client);
            }

            ScriptedServer.Result stopped = server.run("stop");
            assertTrue(stopped.output().contains("STOPPED"), stopped.output());
            assertTrue(server.log().contains("Closed storage in"), "SIGTERM closes the storage:\n" + server.log());
        }
    }

    /** create, get, a data watch, multi and delete, as the client suites check them. */
    private static void clientSmokeChecks(ZooKeeper client) throws Exception {
        assertEquals("/smoke", client.create("/smoke", "one".getBytes(), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
        assertArrayEquals("one".getBytes(), client.getData("/smoke", false, null));

        BlockingQueue<WatchedEvent> events = new ArrayBlockingQueue<>(4);
        client.getData("/smoke", events::add, null);
        client.setData("/smoke", "two".getBytes(), -1);
        WatchedEvent changed = events.poll(10, TimeUnit.SECONDS);
        assertEquals(EventType.NodeDataChanged, changed == null ? null : changed.getType());

        List<OpResult> results = client.multi(List.of(
                Op.create("/smoke/a", new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT),
                Op.create("/smoke/b", new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL),
                Op.setData("/smoke", "three".getBytes(), -1)));
        assertEquals(3, results.size());
        assertEquals(List.of("a", "b"), client.getChildren("/smoke", false).stream().sorted().toList());

        client.multi(List.of(Op.delete("/smoke/a", -1), Op.delete("/smoke/b", -1)));
        client.delete("/smoke", -1);
        assertNull(client.exists("/smoke", false));
    }

    @Test
    void aTypeNoModuleProvidesEndsTheStartWithOneLineNamingRoleWantedAndInstalledTypes() throws Exception {
        int port = FreePorts.next();
        Path folder = Distribution.newWorkDir("jpms-missing");
        try (ScriptedServer server = new ScriptedServer(folder, port, ZooCfg.standalone(folder.resolve("data"), port)
                .set("storage", "rocks"))) {
            ScriptedServer.Result foreground = server.run("start-foreground");

            assertEquals(2, foreground.exitStatus(), foreground.output());
            List<String> errors = foreground.output().lines().filter(line -> line.contains("ERROR")).toList();
            assertEquals(1, errors.size(), foreground.output());
            assertTrue(errors.get(0).endsWith("storage=rocks: no module on the module path provides it (installed:"
                    + " file, memory)"), errors.get(0));

            ScriptedServer.Result daemon = server.run("start");
            assertTrue(daemon.output().contains("FAILED TO START") && daemon.output().contains("storage=rocks"),
                    daemon.output());
        }
    }

    @Test
    void theAdminServerIsRefusedOnTheModulePathNamingTheKey() throws Exception {
        int port = FreePorts.next();
        Path folder = Distribution.newWorkDir("jpms-refused");
        try (ScriptedServer server = new ScriptedServer(folder, port, ZooCfg.standalone(folder.resolve("data"), port)
                .set("admin.enableServer", "true").set("admin.serverPort", Integer.toString(FreePorts.next())))) {
            ScriptedServer.Result foreground = server.run("start-foreground");

            assertEquals(2, foreground.exitStatus(), foreground.output());
            assertTrue(foreground.output().contains("ERROR") && foreground.output().contains(
                    "admin.enableServer=true: the module path has no admin server"), foreground.output());
        }
    }
}
