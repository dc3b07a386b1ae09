package dev.menagerie.it.process.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.it.process.Clients;
import dev.menagerie.it.process.Ensemble;
import dev.menagerie.it.process.EnsembleLayout;
import dev.menagerie.it.process.EnsembleMember;
import dev.menagerie.it.process.EnsembleMember.Impl;
import dev.menagerie.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A 3-server Menagerie ensemble of the distribution, each member read over JMX (through the JDK's attach API, which
 * starts each JVM's local JMX agent): the leader registers Apache's {@code Leader} server bean, the followers their
 * {@code Follower} beans, each with its data tree, under {@code ReplicatedServer_id<N>/replica.<N>}, next to the
 * ensemble bean and a {@code replica.<M>} bean per member; and the leader's {@code Learner_Connections} bean of a
 * follower drops that follower's connection when its {@code terminateConnection} is invoked over JMX, after which
 * the follower reconnects, syncs and serves again.
 */
class JmxQuorumTest {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final String DOMAIN = "org.apache.ZooKeeperService";

    /** One ensemble for both tests: starting three JVMs is most of their time. */
    private static Ensemble ensemble;

    @BeforeAll
    static void startEnsemble() throws Exception {
        EnsembleLayout layout = EnsembleLayout.of(3, 0, 1_000, 10, 3);
        ensemble = Ensemble.start(Impl.MENAGERIE, layout, "jmx-quorum", List.of("-Xmx256m"));
        ensemble.awaitWritable(START_TIMEOUT);
    }

    @AfterAll
    static void stopEnsemble() throws InterruptedException {
        if (ensemble != null) {
            ensemble.close();
        }
    }

    @Test
    void leaderAndFollowersRegisterTheirRoleBeans() throws Exception {
        int leader = ensemble.awaitLeader(START_TIMEOUT);
        int follower = leader % 3 + 1;
        ZooKeeper client = ensemble.syncedClient(follower, START_TIMEOUT);
        Map<Integer, JMXConnector> connectors = new TreeMap<>();
        try {
            for (EnsembleMember member : ensemble.members()) {
                connectors.put(member.id(), BeanComparison.attach(member));
            }
            for (EnsembleMember member : ensemble.members()) {
                MBeanServerConnection jmx = connectors.get(member.id()).getMBeanServerConnection();
                String server = serverBean(member.id(), member.id() == leader ? "Leader" : "Follower");
                Await.untilTrue(member + " registering " + server + " with its data tree", START_TIMEOUT,
                        () -> names(jmx).containsAll(Set.of(server, server + ",name3=InMemoryDataTree")));
                Set<String> others = names(jmx).stream()
                        .filter(name -> !name.startsWith(server)).collect(Collectors.toSet());
                String ensembleBean = DOMAIN + ":name0=ReplicatedServer_id" + member.id();
                assertEquals(Set.of(ensembleBean, ensembleBean + ",name1=replica.1",
                        ensembleBean + ",name1=replica.2", ensembleBean + ",name1=replica.3"), others,
                        member + ": besides its role's beans, the ensemble bean and one bean per member");
                assertEquals(member.id() == leader, jmx.getAttribute(
                        new ObjectName(ensembleBean + ",name1=replica." + member.id()), "Leader"),
                        member + " knows whether it leads");
            }
            MBeanServerConnection leaderJmx = connectors.get(leader).getMBeanServerConnection();
            int before = nodeCountOf(leaderJmx, new ObjectName(serverBean(leader, "Leader")
                    + ",name3=InMemoryDataTree"));
            client.create("/jmx-quorum-" + client.getSessionId(), new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE,
                    CreateMode.PERSISTENT);
            for (EnsembleMember member : ensemble.members()) {
                MBeanServerConnection jmx = connectors.get(member.id()).getMBeanServerConnection();
                String server = serverBean(member.id(), member.id() == leader ? "Leader" : "Follower");
                ObjectName tree = new ObjectName(server + ",name3=InMemoryDataTree");
                Await.untilTrue(member + " counting /jmx-quorum in NodeCount", START_TIMEOUT,
                        () -> nodeCountOf(jmx, tree) == before + 1);
            }
            assertTrue((Integer) leaderJmx.getAttribute(new ObjectName(serverBean(leader, "Leader")),
                    "LastProposalSize") > 0, "the leader reports the size of the create it proposed");
            assertTrue((Long) leaderJmx.getAttribute(new ObjectName(serverBean(leader, "Leader")),
                    "ElectionTimeTaken") > 0, "the leader reports how long its election took");
            MBeanServerConnection followerJmx = connectors.get(follower).getMBeanServerConnection();
            String followerBean = serverBean(follower, "Follower");
            assertTrue((Long) followerJmx.getAttribute(new ObjectName(followerBean), "NumAliveConnections") >= 1,
                    "the follower counts the client's connection");
            Await.untilTrue("the client's connection bean on the follower", START_TIMEOUT,
                    () -> names(followerJmx).contains(followerBean + ",name3=Connections,name4=127.0.0.1,name5=0x"
                            + Long.toHexString(client.getSessionId())));
        } finally {
            for (JMXConnector connector : connectors.values()) {
                connector.close();
            }
            Clients.closeQuietly(client);
        }
    }

    @Test
    void terminateConnectionOverJmxMakesTheFollowerReconnectAndBeServedAgain() throws Exception {
        int leader = ensemble.awaitLeader(START_TIMEOUT);
        int follower = leader % 3 + 1;
        try (JMXConnector connector = BeanComparison.attach(ensemble.member(leader))) {
            MBeanServerConnection jmx = connector.getMBeanServerConnection();
            ObjectName before = Await.until("the leader's Learner_Connections bean of server " + follower,
                    START_TIMEOUT, () -> learnerBean(jmx, leader, follower));

            jmx.invoke(before, "terminateConnection", null, null);

            ObjectName after = Await.until(() -> "server " + follower + " connected to the leader again, from"
                    + " another port than " + before, START_TIMEOUT, () -> {
                        ObjectName now = learnerBean(jmx, leader, follower);
                        return now == null || now.equals(before) ? null : now;
                    });
            ensemble.awaitOutputOf(leader, "Dropping learner " + follower + " ", START_TIMEOUT);
            assertEquals(before.getKeyProperty("name5"), after.getKeyProperty("name5"));
        }
        ensemble.awaitServing(follower, START_TIMEOUT);
        ZooKeeper client = ensemble.syncedClient(follower, START_TIMEOUT);
        try {
            String path = "/after-terminate-" + client.getSessionId();
            client.create(path, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            assertTrue(client.exists(path, false) != null, "the follower serves writes again");
        } finally {
            Clients.closeQuietly(client);
        }
    }

    /** The leader's bean for learner {@code sid}, or null while it has none. */
    private static ObjectName learnerBean(MBeanServerConnection jmx, int leader, int sid) {
        try {
            Set<ObjectName> found = jmx.queryNames(new ObjectName(serverBean(leader, "Leader")
                    + ",name3=Learner_Connections,name5=\"id:" + sid + "\",*"), null);
            return found.isEmpty() ? null : found.iterator().next();
        } catch (Exception e) {
            throw new IllegalStateException("listing the learner beans", e);
        }
    }

    private static String serverBean(int id, String role) {
        return DOMAIN + ":name0=ReplicatedServer_id" + id + ",name1=replica." + id + ",name2=" + role;
    }

    private static Set<String> names(MBeanServerConnection jmx) {
        try {
            return jmx.queryNames(new ObjectName(DOMAIN + ":*"), null).stream().map(ObjectName::toString)
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (Exception e) {
            throw new IllegalStateException("listing the beans", e);
        }
    }

    private static int nodeCountOf(MBeanServerConnection jmx, ObjectName tree) {
        try {
            return (Integer) jmx.getAttribute(tree, "NodeCount");
        } catch (Exception e) {
            throw new IllegalStateException("reading NodeCount of " + tree, e);
        }
    }
}
