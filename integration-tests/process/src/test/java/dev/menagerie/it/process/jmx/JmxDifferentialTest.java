package dev.menagerie.it.process.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.it.process.ApacheServer;
import dev.menagerie.it.process.Clients;
import dev.menagerie.it.process.Distribution;
import dev.menagerie.it.process.MenagerieServer;
import dev.menagerie.testing.Await;
import dev.menagerie.testing.FreePorts;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

/**
 * A standalone server of the distribution, started by bin/zkServer.sh with remote JMX turned on as Apache's script
 * turns it on ({@code JMXPORT}, {@code JMXHOSTNAME}), read over a remote JMX connection, and compared with Apache
 * ZooKeeper 3.9.5 started with the same JMX flags and the same workload: the same ObjectNames, and the same
 * attribute and operation names except {@link AllowedJmxDifferences}.
 */
class JmxDifferentialTest {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final String DOMAIN = "org.apache.ZooKeeperService";

    @Test
    void standaloneBeansMatchApacheAndReportTheWorkload() throws Exception {
        Path work = Distribution.newWorkDir("jmx");
        int menagerieJmxPort = FreePorts.next();
        int apacheJmxPort = FreePorts.next();
        try (MenagerieServer menagerie = MenagerieServer.forTest("menagerie", work, Map.of())
                        .withEnvironment("JMXPORT", String.valueOf(menagerieJmxPort))
                        .withEnvironment("JMXHOSTNAME", "127.0.0.1");
                ApacheServer apache = new ApacheServer("apache", work, work.resolve("apache-data"), FreePorts.next(),
                        Map.of(), List.of("-Xmx512m", "-Dcom.sun.management.jmxremote",
                                "-Djava.rmi.server.hostname=127.0.0.1",
                                "-Dcom.sun.management.jmxremote.port=" + apacheJmxPort,
                                "-Dcom.sun.management.jmxremote.authenticate=false",
                                "-Dcom.sun.management.jmxremote.ssl=false"))) {
            menagerie.start();
            apache.start();
            ZooKeeper menagerieClient = Clients.awaitServing(menagerie, START_TIMEOUT);
            ZooKeeper apacheClient = Clients.awaitServing(apache, START_TIMEOUT);
            try (JMXConnector menagerieJmx = connect(menagerieJmxPort);
                    JMXConnector apacheJmx = connect(apacheJmxPort)) {
                MBeanServerConnection ours = menagerieJmx.getMBeanServerConnection();
                MBeanServerConnection theirs = apacheJmx.getMBeanServerConnection();
                ObjectName server = new ObjectName(DOMAIN + ":name0=StandaloneServer_port" + menagerie.clientPort());
                ObjectName tree = new ObjectName(server + ",name1=InMemoryDataTree");
                awaitConnectionBean(ours, "Menagerie");
                awaitConnectionBean(theirs, "Apache");

                int nodesBefore = (Integer) ours.getAttribute(tree, "NodeCount");
                for (ZooKeeper client : List.of(menagerieClient, apacheClient)) {
                    client.create("/jmx", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                    client.create("/jmx/a", new byte[3], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                    client.create("/jmx/e", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
                }
                Await.untilTrue("Menagerie's NodeCount counts the 3 new nodes", Await.DEFAULT_TIMEOUT,
                        () -> nodeCount(ours, tree) == nodesBefore + 3);
                ObjectName apacheTree = new ObjectName(DOMAIN + ":name0=StandaloneServer_port" + apache.clientPort()
                        + ",name1=InMemoryDataTree");
                assertEquals(theirs.getAttribute(apacheTree, "NodeCount"), ours.getAttribute(tree, "NodeCount"),
                        "the same tree after the same workload");

                assertEquals(1L, ours.getAttribute(server, "NumAliveConnections"));
                assertEquals(0L, ours.getAttribute(server, "OutstandingRequests"));
                assertTrue((Long) ours.getAttribute(server, "PacketsReceived") >= 4L,
                        "the exists and the 3 creates were counted");
                assertTrue(((String) ours.getAttribute(server, "Version")).startsWith("3.9.5-"),
                        "Apache's version format");
                assertEquals(String.valueOf(menagerie.clientPort()), ours.getAttribute(server, "ClientPort"));
                ObjectName connection = connectionBeans(ours).iterator().next();
                assertEquals("0x" + Long.toHexString(menagerieClient.getSessionId()),
                        ours.getAttribute(connection, "SessionId"));
                assertEquals(List.of("/jmx/e"),
                        Arrays.asList((String[]) ours.getAttribute(connection, "EphemeralNodes")));

                BeanComparison.assertSameAsApache("standalone", BeanComparison.beans(theirs,
                        AllowedJmxDifferences::generalise), BeanComparison.beans(ours, AllowedJmxDifferences::generalise),
                        Set.of(), AllowedJmxDifferences::missing);
            } finally {
                Clients.closeQuietly(menagerieClient);
                Clients.closeQuietly(apacheClient);
            }
        }
    }

    private static JMXConnector connect(int port) {
        JMXServiceURL url;
        try {
            url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
        return Await.untilNoException("a remote JMX connection to port " + port, START_TIMEOUT,
                () -> JMXConnectorFactory.connect(url));
    }

    private static void awaitConnectionBean(MBeanServerConnection jmx, String who) {
        Await.untilTrue(who + " registers the client's connection bean", Await.DEFAULT_TIMEOUT,
                () -> !connectionBeans(jmx).isEmpty());
    }

    private static Set<ObjectName> connectionBeans(MBeanServerConnection jmx) {
        try {
            return jmx.queryNames(new ObjectName(DOMAIN + ":name1=Connections,*"), null);
        } catch (IOException | javax.management.MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int nodeCount(MBeanServerConnection jmx, ObjectName tree) {
        try {
            return (Integer) jmx.getAttribute(tree, "NodeCount");
        } catch (Exception e) {
            throw new IllegalStateException("reading NodeCount of " + tree, e);
        }
    }
}
