package dev.menagerie.it.process.jmx;

import static org.junit.jupiter.api.Assertions.assertAll;

import dev.menagerie.it.process.Clients;
import dev.menagerie.it.process.Ensemble;
import dev.menagerie.it.process.EnsembleLayout;
import dev.menagerie.it.process.EnsembleMember.Impl;
import dev.menagerie.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.management.MBeanInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

/**
 * A 3-server Apache ZooKeeper 3.9.5 ensemble, then a 3-server Menagerie ensemble, each with a client on a
 * follower; the leader's beans (with a {@code Learner_Connections} bean per follower) and that follower's beans are
 * read over JMX (the attach API starts each JVM's JMX agent) and compared: the same ObjectNames with ids, addresses
 * and sessions generalised, and the same attribute and operation names except {@link AllowedQuorumJmxDifferences}.
 */
class JmxQuorumDifferentialTest {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    @Test
    void leaderAndFollowerBeansMatchApache() throws Exception {
        Map<String, Map<String, MBeanInfo>> apache = roleBeans(Impl.APACHE);
        Map<String, Map<String, MBeanInfo>> menagerie = roleBeans(Impl.MENAGERIE);
        assertAll(List.of("leader", "follower").stream().map(role -> () -> BeanComparison.assertSameAsApache(role,
                apache.get(role), menagerie.get(role), AllowedQuorumJmxDifferences.MISSING_BEANS.get(role),
                AllowedQuorumJmxDifferences::missing)));
    }

    /** The generalised beans of the leader and of the follower serving a client, by role. */
    private static Map<String, Map<String, MBeanInfo>> roleBeans(Impl impl) throws Exception {
        EnsembleLayout layout = EnsembleLayout.of(3, 0, 1_000, 10, 3);
        try (Ensemble ensemble = Ensemble.start(impl, layout, "jmx-quorum-diff", List.of("-Xmx256m"))) {
            ensemble.awaitWritable(START_TIMEOUT);
            int leader = ensemble.awaitLeader(START_TIMEOUT);
            int follower = leader % 3 + 1;
            ZooKeeper client = ensemble.syncedClient(follower, START_TIMEOUT);
            Map<String, Map<String, MBeanInfo>> byRole = new TreeMap<>();
            try (JMXConnector leaderJmx = BeanComparison.attach(ensemble.member(leader));
                    JMXConnector followerJmx = BeanComparison.attach(ensemble.member(follower))) {
                MBeanServerConnection followerConnection = followerJmx.getMBeanServerConnection();
                String session = "0x" + Long.toHexString(client.getSessionId());
                Await.untilTrue(impl.label() + "'s follower registering the client's connection bean", START_TIMEOUT,
                        () -> hasConnectionBean(followerConnection, session));
                MBeanServerConnection leaderConnection = leaderJmx.getMBeanServerConnection();
                Await.untilTrue(impl.label() + "'s leader registering a Learner_Connections bean per follower",
                        START_TIMEOUT, () -> learnerBeans(leaderConnection) == 2);
                byRole.put("leader", BeanComparison.beans(leaderJmx.getMBeanServerConnection(),
                        name -> AllowedQuorumJmxDifferences.generalise(name, leader)));
                byRole.put("follower", BeanComparison.beans(followerConnection,
                        name -> AllowedQuorumJmxDifferences.generalise(name, follower)));
            } finally {
                Clients.closeQuietly(client);
            }
            return byRole;
        }
    }

    private static int learnerBeans(MBeanServerConnection jmx) {
        try {
            return jmx.queryNames(new ObjectName(BeanComparison.DOMAIN + ":name3=Learner_Connections,*"), null).size();
        } catch (Exception e) {
            throw new IllegalStateException("listing the learner beans", e);
        }
    }

    private static boolean hasConnectionBean(MBeanServerConnection jmx, String session) {
        try {
            return !jmx.queryNames(new ObjectName(BeanComparison.DOMAIN + ":name3=Connections,name5=" + session
                    + ",*"), null).isEmpty();
        } catch (Exception e) {
            throw new IllegalStateException("listing the connection beans", e);
        }
    }
}
