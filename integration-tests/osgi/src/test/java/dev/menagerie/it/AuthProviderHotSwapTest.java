package dev.menagerie.it;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import dev.menagerie.api.auth.AuthenticationProvider;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Hashtable;
import java.util.List;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooDefs.Perms;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * An operator installs, stops and starts an authentication provider bundle in a running server whose zoo.cfg
 * selects its scheme ({@code authProvider.1=token}): the scheme comes, goes (its ACLs fail closed) and comes back,
 * and the server, the session and the data stay.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AuthProviderHotSwapTest extends StandaloneTestSupport {

    private static final String TOKEN_FILTER = "(" + AuthenticationProvider.SCHEME + "=token)";
    private static final String TOKEN_PID = "dev.menagerie.example.auth.token";
    private static final byte[] DATA = "for ci only".getBytes(StandardCharsets.UTF_8);

    @Override
    @Configuration
    public Option[] configuration() {
        return MenagerieOptions.standalone("authProvider.1=token");
    }

    @Test
    public void aProviderBundleAddsItsSchemeAndStoppingItFailsItsAclsClosedUntilItIsBack() throws Exception {
        awaitServedBy(NIO);
        configureTokens("ci:s3cret");
        Bundle plugin = context.installBundle(context.getProperty(MenagerieOptions.TOKEN_BUNDLE_LOCATION_PROPERTY));
        try (JavaClient ci = JavaClient.connect(clientPort()); JavaClient stranger = JavaClient.connect(clientPort())) {
            plugin.start();
            Await.service(context, AuthenticationProvider.class, TOKEN_FILTER, TIMEOUT);
            ci.zk().addAuthInfo("token", "ci:s3cret".getBytes(StandardCharsets.UTF_8));
            // the Java client's ACL check asks contains(null), which List.of refuses
            ci.zk().create("/tokened", DATA, Collections.singletonList(new ACL(Perms.ALL, new Id("token", "ci"))),
                    CreateMode.PERSISTENT);
            assertTrue("the token holder reads", canRead(ci.zk()));
            assertFalse("a client without the token does not", canRead(stranger.zk()));

            plugin.stop();
            Await.noService(context, AuthenticationProvider.class, TOKEN_FILTER, TIMEOUT);
            assertFalse("with the scheme gone its ACL fails closed", canRead(ci.zk()));

            plugin.start();
            Await.service(context, AuthenticationProvider.class, TOKEN_FILTER, TIMEOUT);
            Await.untilTrue("the token holder to read again", TIMEOUT, () -> canRead(ci.zk()));
            stranger.zk().addAuthInfo("token", "ci:s3cret".getBytes(StandardCharsets.UTF_8));
            assertTrue("a new addauth works too", canRead(stranger.zk()));
            assertEquals("one connection and session throughout", List.of(KeeperState.SyncConnected), ci.states());
        } finally {
            plugin.uninstall();
        }
    }

    private void configureTokens(String tokens) throws Exception {
        ConfigurationAdmin admin = context.getService(Await.service(context, ConfigurationAdmin.class, null, TIMEOUT));
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("tokens", tokens);
        admin.getConfiguration(TOKEN_PID, "?").update(properties);
    }

    /** True if the client may read /tokened; false on NOAUTH. */
    private static boolean canRead(ZooKeeper zk) {
        try {
            assertArrayEquals(DATA, zk.getData("/tokened", false, null));
            return true;
        } catch (KeeperException.NoAuthException e) {
            return false;
        } catch (KeeperException e) {
            throw new AssertionError("reading /tokened", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
