package dev.menagerie.it;

import static org.junit.Assert.assertEquals;

import dev.menagerie.api.status.ServerStatus;
import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * The JMX bundle registers Apache's beans on the platform MBean server while it runs: uninstalling it removes them
 * and installing it again brings them back, with no restart of the server.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class JmxBeansFollowTheJmxBundleTest extends StandaloneTestSupport {

    @Test
    public void beansComeAndGoWithTheBundle() throws Exception {
        awaitServedBy(NIO);
        MBeanServer platform = ManagementFactory.getPlatformMBeanServer();
        ObjectName server = new ObjectName("org.apache.ZooKeeperService:name0=StandaloneServer_port" + clientPort());
        ObjectName tree = new ObjectName(server + ",name1=InMemoryDataTree");
        Await.untilTrue("the server bean " + server, TIMEOUT, () -> platform.isRegistered(server));
        assertEquals(String.valueOf(clientPort()), platform.getAttribute(server, "ClientPort"));

        Bundle jmx = bundle(MenagerieOptions.JMX_BUNDLE);
        String location = jmx.getLocation();
        jmx.uninstall();
        assertEquals("no bean outlives the bundle", 0,
                platform.queryNames(new ObjectName("org.apache.ZooKeeperService:*"), null).size());

        context.installBundle(location).start();
        Await.untilTrue("the beans back after installing the bundle again", TIMEOUT,
                () -> platform.isRegistered(server) && platform.isRegistered(tree));
        ServiceReference<ServerStatus> reference = Await.service(context, ServerStatus.class, null, TIMEOUT);
        try {
            assertEquals("the new bean reads the server's tree", context.getService(reference).dataTree().nodeCount(),
                    platform.getAttribute(tree, "NodeCount"));
        } finally {
            context.ungetService(reference);
        }
    }
}
