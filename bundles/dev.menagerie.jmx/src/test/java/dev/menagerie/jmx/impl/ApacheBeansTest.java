package dev.menagerie.jmx.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.admin.testing.FakeServerStatus;
import dev.menagerie.api.config.HostPort;
import dev.menagerie.api.config.LearnerType;
import dev.menagerie.api.config.QuorumMember;
import dev.menagerie.api.status.ConnectionStatus;
import dev.menagerie.api.status.Latency;
import dev.menagerie.api.status.LearnerConnection;
import dev.menagerie.api.status.QuorumStatus;
import dev.menagerie.api.status.ServerStatus;
import dev.menagerie.api.status.ServerSummary;
import dev.menagerie.api.status.ServingConfiguration;
import dev.menagerie.api.status.SessionsStatus;
import dev.menagerie.testing.FakeServerConfig;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.management.Attribute;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import org.junit.jupiter.api.Test;

class ApacheBeansTest {

    private static final long NOW = 1_796_646_278_000L;
    private static final String SERVER = "org.apache.ZooKeeperService:name0=StandaloneServer_port2181";
    private static final String TREE = SERVER + ",name1=InMemoryDataTree";

    /** A server of the test's own (newMBeanServer keeps no reference), not the platform's. */
    private final MBeanServer mbeans = MBeanServerFactory.newMBeanServer();
    private final FakeServerStatus status = new FakeServerStatus();
    private final FakeServerConfig config = new FakeServerConfig();
    private final ApacheBeans beans = new ApacheBeans(status, config, mbeans, () -> NOW);

    private static ConnectionStatus connection(String ip, int port, long sessionId, long packetsReceived) {
        return new ConnectionStatus(new InetSocketAddress(ip, port), 0, packetsReceived, packetsReceived - 1,
                sessionId, 30_000, NOW - 5_000, "GETD", 7, 0x1f, NOW - 100, 3, new Latency(1, 2.6, 9));
    }

    private Set<String> registeredNames() throws Exception {
        return mbeans.queryNames(new ObjectName(BeanNames.DOMAIN + ":*"), null).stream()
                .map(ObjectName::toString).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void standaloneServerHasApacheNamesForServerTreeAndSessions() throws Exception {
        status.connections = List.of(connection("127.0.0.1", 50000, 0x1000abcL, 12),
                connection("::1", 50001, 0x1000abdL, 4), connection("127.0.0.1", 50002, 0, 1));
        beans.refresh();

        assertEquals(new TreeSet<>(List.of(SERVER, TREE,
                SERVER + ",name1=Connections,name2=127.0.0.1,name3=0x1000abc",
                SERVER + ",name1=Connections,name2=\"0:0:0:0:0:0:0:1\",name3=0x1000abd")), registeredNames(),
                "a connection without a session has no bean, as in Apache");
    }

    @Test
    void serverBeanReportsTheStatusFigures() throws Exception {
        status.summary = new ServerSummary("standalone", true, 0x2a, new Latency(1, 2.5, 7), 40, 39, 3, 2, 60_000,
                5, 0);
        beans.refresh();
        ObjectName server = new ObjectName(SERVER);

        assertEquals(3L, mbeans.getAttribute(server, "NumAliveConnections"));
        assertEquals(2L, mbeans.getAttribute(server, "OutstandingRequests"));
        assertEquals(40L, mbeans.getAttribute(server, "PacketsReceived"));
        assertEquals(39L, mbeans.getAttribute(server, "PacketsSent"));
        assertEquals(2.5, mbeans.getAttribute(server, "AvgRequestLatency"));
        assertEquals(7L, mbeans.getAttribute(server, "MaxRequestLatency"));
        assertEquals(5L, mbeans.getAttribute(server, "AuthFailedCount"));
        assertEquals("2181", mbeans.getAttribute(server, "ClientPort"));
        assertEquals(status.version, mbeans.getAttribute(server, "Version"));
        assertEquals(new Date(NOW - 60_000).toString(), mbeans.getAttribute(server, "StartTime"));
        assertEquals(2000, mbeans.getAttribute(server, "TickTime"));
        assertEquals(1024L, mbeans.getAttribute(server, "DataDirSize"));
        assertEquals(2048L, mbeans.getAttribute(server, "LogDirSize"));

        status.summary = new ServerSummary("standalone", true, 0x2a, Latency.NONE, 41, 40, 1, 0, 61_000, 5, 0);
        assertEquals(41L, mbeans.getAttribute(server, "PacketsReceived"), "each read asks the status afresh");
    }

    @Test
    void dataTreeBeanHasApacheAttributesAndOperations() throws Exception {
        beans.refresh();
        ObjectName tree = new ObjectName(TREE);

        assertEquals(6, mbeans.getAttribute(tree, "NodeCount"));
        assertEquals(2, mbeans.getAttribute(tree, "WatchCount"));
        assertEquals("0x1f", mbeans.getAttribute(tree, "LastZxid"));
        assertEquals(120L, mbeans.invoke(tree, "approximateDataSize", null, null));
        assertEquals(1, mbeans.invoke(tree, "countEphemerals", null, null));
        assertEquals(Set.of("NodeCount", "LastZxid", "WatchCount"), attributeNames(tree));
        assertEquals(Set.of("approximateDataSize", "countEphemerals"), operationNames(tree));
    }

    @Test
    void connectionBeanReportsItsSession() throws Exception {
        status.connections = List.of(connection("127.0.0.1", 50000, 0x1000abcL, 12));
        status.sessions = new SessionsStatus(1, Map.of(), Map.of(0x1000abcL, List.of("/b", "/a")));
        beans.refresh();
        ObjectName name = new ObjectName(SERVER + ",name1=Connections,name2=127.0.0.1,name3=0x1000abc");

        assertEquals("127.0.0.1:50000", mbeans.getAttribute(name, "SourceIP"));
        assertEquals("0x1000abc", mbeans.getAttribute(name, "SessionId"));
        assertEquals(12L, mbeans.getAttribute(name, "PacketsReceived"));
        assertEquals(30_000, mbeans.getAttribute(name, "SessionTimeout"));
        assertEquals(2L, mbeans.getAttribute(name, "AvgLatency"));
        assertEquals("GETD", mbeans.getAttribute(name, "LastOperation"));
        assertEquals("0x7", mbeans.getAttribute(name, "LastCxid"));
        assertEquals(List.of("/a", "/b"), Arrays.asList((String[]) mbeans.getAttribute(name, "EphemeralNodes")));
        assertEquals(new Date(NOW - 5_000).toString(), mbeans.getAttribute(name, "StartedTime"));
    }

    @Test
    void beansFollowConnectionsAndModeAndAreAllRemovedOnClear() throws Exception {
        status.connections = List.of(connection("127.0.0.1", 50000, 0x1000abcL, 12));
        beans.refresh();
        assertEquals(3, registeredNames().size());

        status.connections = List.of();
        beans.refresh();
        assertEquals(new TreeSet<>(List.of(SERVER, TREE)), registeredNames(), "a closed session's bean goes");

        status.summary = new ServerSummary("looking", false, 0, Latency.NONE, 0, 0, 0, 0, 1, 0, 0);
        beans.refresh();
        assertEquals(Set.of(), registeredNames(), "a standalone bean does not outlive the standalone mode");

        status.summary = new ServerSummary("standalone", true, 0, Latency.NONE, 0, 0, 0, 0, 1, 0, 0);
        beans.refresh();
        assertEquals(2, registeredNames().size());
        beans.clear();
        assertEquals(Set.of(), registeredNames());
    }

    private static QuorumMember member(int id, LearnerType type) {
        return new QuorumMember(id, new HostPort("127.0.0.1", 2887 + id * 10),
                new HostPort("127.0.0.1", 3887 + id * 10), new HostPort("0.0.0.0", 2180 + id), type,
                QuorumMember.NO_GROUP, 1);
    }

    /** Member 3 of four: 1, 2 and 3 vote, 4 observes. */
    private void quorumMemberThree(String mode, long leaderId) {
        config.standalone = false;
        config.myId = 3L;
        config.members = List.of(member(1, LearnerType.PARTICIPANT), member(2, LearnerType.PARTICIPANT),
                member(3, LearnerType.PARTICIPANT), member(4, LearnerType.OBSERVER));
        status.configuration = new ServingConfiguration(2183, Path.of("/data"), Path.of("/log"), 2000, 60, 4000,
                40000, 3, "initLimit=10\nsyncLimit=5\nmembership: \nserver.3=127.0.0.1:2917:3917:participant;"
                        + "0.0.0.0:2183\nversion=100000000");
        status.summary = new ServerSummary(mode, !"looking".equals(mode), 0, Latency.NONE, 0, 0, 1, 0, 60_000, 0, 0);
        status.quorum = new QuorumStatus(leaderId, "looking".equals(mode) ? "election" : "broadcast");
    }

    private static final String ENSEMBLE = "org.apache.ZooKeeperService:name0=ReplicatedServer_id3";
    private static final String REPLICA = ENSEMBLE + ",name1=replica.";

    @Test
    void quorumMemberBeansAreNamedByServerIdAndRoleAndFollowTheRole() throws Exception {
        quorumMemberThree("follower", 1);
        status.connections = List.of(connection("127.0.0.1", 50000, 0x300abcL, 12));
        beans.refresh();
        String follower = REPLICA + "3,name2=Follower";
        assertEquals(new TreeSet<>(List.of(ENSEMBLE, REPLICA + "1", REPLICA + "2", REPLICA + "3", REPLICA + "4",
                follower, follower + ",name3=InMemoryDataTree",
                follower + ",name3=Connections,name4=127.0.0.1,name5=0x300abc")), registeredNames());
        assertEquals(6, mbeans.getAttribute(new ObjectName(follower + ",name3=InMemoryDataTree"), "NodeCount"));
        status.electionTimeTakenMs = 212;
        assertEquals(212L, mbeans.getAttribute(new ObjectName(follower), "ElectionTimeTaken"));

        quorumMemberThree("looking", -1);
        beans.refresh();
        assertEquals(new TreeSet<>(List.of(ENSEMBLE, REPLICA + "1", REPLICA + "2", REPLICA + "3", REPLICA + "4",
                REPLICA + "3,name2=LeaderElection")), registeredNames(),
                "while electing: the ensemble and replica beans and LeaderElection, no server beans, as in Apache");
        ObjectName election = new ObjectName(REPLICA + "3,name2=LeaderElection");
        assertEquals(new Date(NOW).toString(), mbeans.getAttribute(election, "StartTime"));
        assertEquals("leaderelection", mbeans.getAttribute(new ObjectName(REPLICA + "3"), "State"));

        quorumMemberThree("leader", 3);
        beans.refresh();
        String leader = REPLICA + "3,name2=Leader";
        assertEquals(1L, mbeans.getAttribute(new ObjectName(leader), "NumAliveConnections"));
        assertEquals(-1, mbeans.getAttribute(new ObjectName(leader), "LastProposalSize"), "no proposal yet");
        status.currentZxid = 0x100000007L;
        assertEquals("0x100000007", mbeans.getAttribute(new ObjectName(leader), "CurrentZxid"));
        assertEquals(212L, mbeans.getAttribute(new ObjectName(leader), "ElectionTimeTaken"));
        status.quorumMonitorValues = Map.of("last_proposal_size", 120L, "min_proposal_size", 48L,
                "max_proposal_size", 4096L);
        assertEquals(120, mbeans.getAttribute(new ObjectName(leader), "LastProposalSize"));
        assertEquals(48, mbeans.getAttribute(new ObjectName(leader), "MinProposalSize"));
        assertEquals(4096, mbeans.getAttribute(new ObjectName(leader), "MaxProposalSize"));
        assertRefused(() -> mbeans.invoke(new ObjectName(leader), "resetProposalStatistics", null, null),
                "as long as it leads");
        assertTrue(registeredNames().stream().noneMatch(name -> name.contains("LeaderElection")),
                "the election bean goes once a leader is elected");

        beans.clear();
        assertEquals(Set.of(), registeredNames());
    }

    @Test
    void aLeaderHasOneLearnerConnectionsBeanPerLearnerWhoseOperationDropsIt() throws Exception {
        quorumMemberThree("leader", 3);
        status.learners = List.of(new LearnerConnection(1, new InetSocketAddress("127.0.0.1", 40001)),
                new LearnerConnection(4, new InetSocketAddress("127.0.0.1", 40004)));
        beans.refresh();
        String connections = REPLICA + "3,name2=Leader,name3=Learner_Connections";
        ObjectName first = new ObjectName(connections + ",name4=\"127.0.0.1:40001\",name5=\"id:1\"");
        ObjectName observer = new ObjectName(connections + ",name4=\"127.0.0.1:40004\",name5=\"id:4\"");
        assertTrue(registeredNames().containsAll(Set.of(first.toString(), observer.toString())),
                registeredNames().toString());
        assertEquals(0, mbeans.getMBeanInfo(first).getAttributes().length, "Apache's bean has no attributes");
        assertEquals(List.of("terminateConnection"), Arrays.stream(mbeans.getMBeanInfo(first).getOperations())
                .map(MBeanOperationInfo::getName).toList());

        mbeans.invoke(first, "terminateConnection", null, null);
        beans.refresh();

        assertEquals(List.of(1L), status.terminatedLearners);
        assertTrue(!mbeans.isRegistered(first) && mbeans.isRegistered(observer), registeredNames().toString());
        quorumMemberThree("follower", 1);
        status.learners = List.of();
        beans.refresh();
        assertTrue(registeredNames().stream().noneMatch(name -> name.contains("Learner_Connections")),
                "a follower has no learners: " + registeredNames());
    }

    @Test
    void ensembleAndReplicaBeansReportTheConfigurationAndTheLeader() throws Exception {
        quorumMemberThree("follower", 1);
        beans.refresh();
        ObjectName ensemble = new ObjectName(ENSEMBLE);
        ObjectName local = new ObjectName(REPLICA + "3");
        ObjectName leader = new ObjectName(REPLICA + "1");
        ObjectName observer = new ObjectName(REPLICA + "4");

        assertEquals("ReplicatedServer_id3", mbeans.getAttribute(ensemble, "Name"));
        assertEquals(3, mbeans.getAttribute(ensemble, "QuorumSize"), "the observer does not vote");
        assertEquals(10, mbeans.getAttribute(ensemble, "InitLimit"));
        assertEquals(5, mbeans.getAttribute(ensemble, "SyncLimit"));

        assertEquals("replica.3", mbeans.getAttribute(local, "Name"));
        assertEquals("following", mbeans.getAttribute(local, "State"));
        assertEquals("127.0.0.1:2917", mbeans.getAttribute(local, "QuorumAddress"));
        assertEquals("127.0.0.1:3917", mbeans.getAttribute(local, "ElectionAddress"));
        assertEquals("0.0.0.0:2183", mbeans.getAttribute(local, "ClientAddress"));
        assertEquals("PARTICIPANT", mbeans.getAttribute(local, "LearnerType"));
        assertEquals(false, mbeans.getAttribute(local, "Leader"));
        assertEquals(true, mbeans.getAttribute(local, "PartOfEnsemble"));
        assertEquals(3, mbeans.getAttribute(local, "ElectionType"));
        assertEquals(0x100000000L, mbeans.getAttribute(local, "ConfigVersion"));
        assertEquals("server.3=127.0.0.1:2917:3917:participant;0.0.0.0:2183\nversion=100000000",
                mbeans.getAttribute(local, "QuorumSystemInfo"));
        assertEquals(new Date(NOW - 60_000).toString(), mbeans.getAttribute(local, "StartTime"));
        assertEquals(2000, mbeans.getAttribute(local, "TickTime"));

        assertEquals(true, mbeans.getAttribute(leader, "Leader"));
        assertEquals("OBSERVER", mbeans.getAttribute(observer, "LearnerType"));
        assertEquals("127.0.0.1:2927", mbeans.getAttribute(observer, "QuorumAddress"));

        status.quorum = new QuorumStatus(3, "broadcast");
        assertEquals(true, mbeans.getAttribute(local, "Leader"), "each read asks who leads afresh");
        assertEquals(false, mbeans.getAttribute(leader, "Leader"));

        assertRefused(() -> mbeans.setAttribute(ensemble, new Attribute("InitLimit", 20)), "initLimit in zoo.cfg");
        assertRefused(() -> mbeans.setAttribute(local, new Attribute("SyncLimit", 2)), "syncLimit in zoo.cfg");
        assertEquals(10, mbeans.getAttribute(ensemble, "InitLimit"), "a refusal changes nothing");
    }

    @Test
    void resetStatisticsWorksAndPartialResetsAndSettersAreRefusedWithAReason() throws Exception {
        status.connections = List.of(connection("127.0.0.1", 50000, 0x1000abcL, 12));
        beans.refresh();
        ObjectName server = new ObjectName(SERVER);

        mbeans.invoke(server, "resetStatistics", null, null);
        assertEquals(List.of(ServerStatus.Statistics.SERVER), status.resets);

        assertRefused(() -> mbeans.invoke(server, "resetLatency", null, null), "call resetStatistics");
        assertRefused(() -> mbeans.setAttribute(server, new Attribute("TickTime", 3000)), "tickTime in zoo.cfg");
        ObjectName connection = new ObjectName(SERVER + ",name1=Connections,name2=127.0.0.1,name3=0x1000abc");
        assertRefused(() -> mbeans.invoke(connection, "terminateSession", null, null), "cannot close sessions");
        assertRefused(() -> mbeans.invoke(connection, "resetCounters", null, null), "connection_stat_reset");
        assertEquals(List.of(ServerStatus.Statistics.SERVER), status.resets, "a refusal changes nothing");
    }

    private interface JmxCall {
        void run() throws Exception;
    }

    private static void assertRefused(JmxCall call, String reason) {
        RuntimeMBeanException thrown = assertThrows(RuntimeMBeanException.class, call::run);
        UnsupportedOperationException cause = assertInstanceOf(UnsupportedOperationException.class,
                thrown.getCause());
        assertTrue(cause.getMessage().contains(reason), cause.getMessage());
    }

    private Set<String> attributeNames(ObjectName name) throws Exception {
        return Arrays.stream(mbeans.getMBeanInfo(name).getAttributes()).map(MBeanAttributeInfo::getName)
                .collect(Collectors.toSet());
    }

    private Set<String> operationNames(ObjectName name) throws Exception {
        return Arrays.stream(mbeans.getMBeanInfo(name).getOperations()).map(MBeanOperationInfo::getName)
                .collect(Collectors.toSet());
    }
}
