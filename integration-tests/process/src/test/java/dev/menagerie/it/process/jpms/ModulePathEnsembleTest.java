package dev.menagerie.it.process.jpms;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.it.process.Clients;
import dev.menagerie.it.process.Distribution;
import dev.menagerie.testing.Await;
import dev.menagerie.testing.FreePorts;
import dev.menagerie.testing.ZooCfg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A 3-server ensemble of module-path servers ({@code MENAGERIE_RUNTIME=modules bin/zkServer.sh start}) on the
 * {@code priority} election, with both transports and both storage engines among its members: it elects the
 * preferred server, replicates writes to every member and elects again when its leader is killed.
 */
class ModulePathEnsembleTest {

    private static final Duration ELECTED = Duration.ofSeconds(40);
    private final List<ScriptedServer> servers = new ArrayList<>();

    @AfterEach
    void stopAll() throws Exception {
        for (ScriptedServer server : servers) {
            server.close();
        }
    }

    @Test
    void anEnsembleOnTheModulePathElectsReplicatesAndSurvivesTheLossOfItsLeader() throws Exception {
        Path folder = Distribution.newWorkDir("jpms-ensemble");
        List<Integer> clientPorts = List.of(FreePorts.next(), FreePorts.next(), FreePorts.next());
        List<String> serverLines = new ArrayList<>();
        for (int id = 1; id <= 3; id++) {
            serverLines.add("server." + id + "=127.0.0.1:" + FreePorts.next() + ":" + FreePorts.next());
        }
        for (int id = 1; id <= 3; id++) {
            Path member = folder.resolve("server" + id);
            Files.createDirectories(member.resolve("data"));
            Files.writeString(member.resolve("data/myid"), id + "\n");
            // Server 1 starts first and is preferred: with server 2 it forms the first quorum, where `fast` would
            // elect server 2 (the higher id) and `priority` elects server 1. Each member runs other strategies.
            ZooCfg config = ZooCfg.standalone(member.resolve("data"), clientPorts.get(id - 1))
                    .set("tickTime", "500").set("initLimit", "20").set("syncLimit", "10")
                    .set("4lw.commands.whitelist", "srvr").lines(serverLines.toArray(String[]::new))
                    .set("electionType", "priority").set("electionPriority.1", "10")
                    .set("storage", id == 2 ? "memory" : "file").set("serverCnxnFactory", id == 3 ? "netty" : "nio");
            servers.add(new ScriptedServer(member, clientPorts.get(id - 1), config));
        }
        for (ScriptedServer server : servers) {
            ScriptedServer.Result started = server.run("start");
            assertTrue(started.output().contains("STARTED"), started.output());
        }
        ScriptedServer leader = awaitOneLeader(servers);
        assertSame(servers.get(0), leader, "the priority election (found through ServiceLoader) prefers server 1");
        assertTrue(servers.get(1).log().contains("serverCnxnFactory=nio (dev.menagerie.transport.nio), storage=memory"
                + " (dev.menagerie.storage.memory), electionType=priority (dev.menagerie.election.priority),"
                + " quorumVerifier=majority (dev.menagerie.quorum.majority)"),
                "the log names the chosen types:\n" + servers.get(1).log());

        ScriptedServer follower = servers.stream().filter(s -> s != leader).findFirst().orElseThrow();
        ZooKeeper writer = Clients.connect(follower.connectString(), 10_000, ELECTED);
        try {
            writer.create("/replicated", "before".getBytes(), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        } finally {
            Clients.closeQuietly(writer);
        }
        for (ScriptedServer server : servers) {
            awaitData(server, "/replicated", "before");
        }

        leader.kill();
        List<ScriptedServer> survivors = servers.stream().filter(s -> s != leader).toList();
        ScriptedServer newLeader = awaitOneLeader(survivors);
        assertSame(servers.get(2), newLeader, "with equal priorities the higher id leads");
        ZooKeeper after = Clients.connect(newLeader.connectString(), 10_000, ELECTED);
        try {
            after.setData("/replicated", "after".getBytes(), -1);
        } finally {
            Clients.closeQuietly(after);
        }
        for (ScriptedServer server : survivors) {
            awaitData(server, "/replicated", "after");
        }
    }

    /** Waits until {@code members} report one leader and followers for the rest, and returns the leader. */
    private static ScriptedServer awaitOneLeader(List<ScriptedServer> members) {
        return Await.until(() -> "one leader among " + members.stream().map(ScriptedServer::mode)
                .collect(Collectors.toList()), ELECTED, () -> {
                    List<String> modes = members.stream().map(ScriptedServer::mode).toList();
                    if (modes.stream().filter("leader"::equals).count() != 1
                            || modes.stream().filter("follower"::equals).count() != members.size() - 1) {
                        return null;
                    }
                    return members.get(modes.indexOf("leader"));
                });
    }

    /** Waits until {@code server} serves {@code expected} at {@code path} to a client of its own. */
    private static void awaitData(ScriptedServer server, String path, String expected) throws Exception {
        ZooKeeper reader = Clients.connect(server.connectString(), 10_000, ELECTED);
        try {
            Await.untilNoException(path + " = " + expected + " on " + server.connectString(), ELECTED,
                    () -> Arrays.equals(expected.getBytes(), reader.getData(path, false, null)) ? Boolean.TRUE : null);
        } finally {
            Clients.closeQuietly(reader);
        }
    }
}
