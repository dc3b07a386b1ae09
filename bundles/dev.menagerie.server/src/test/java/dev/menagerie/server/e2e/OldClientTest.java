package dev.menagerie.server.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooDefs.OpCode;
import org.apache.zookeeper.proto.CreateRequest;
import org.apache.zookeeper.proto.ExistsRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * Older clients. The ZooKeeper 3.5.10 client jars (copied to target/old-client by the build) run in a class
 * loader of their own, beside 3.9.5, driven by reflection. (3.4.14 cannot connect to anything on Java 14+: it
 * parses InetSocketAddress.toString(), whose format changed, and leaves the address unresolved.) A raw 44-byte
 * handshake stands for the clients older than 3.4, which send no readOnly flag.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OldClientTest {

    private static final Path OLD_JAR = Path.of("target", "old-client", "zookeeper-3.5.10.jar");
    private static final Path OLD_JUTE_JAR = Path.of("target", "old-client", "zookeeper-jute-3.5.10.jar");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"nio", "netty"})
    void zooKeeper35ClientCreatesReadsWatchesAndDeletes(String transport) throws Exception {
        assertTrue(Files.isRegularFile(OLD_JAR), "the build copies the 3.5.10 client to " + OLD_JAR);
        try (InJvmMenagerie server = new InJvmMenagerie(dir, transport);
                URLClassLoader loader = new URLClassLoader(new URL[] {OLD_JAR.toUri().toURL(),
                        OLD_JUTE_JAR.toUri().toURL(), slf4jJar()},
                        ClassLoader.getPlatformClassLoader())) {
            OldClient zk = new OldClient(loader, server.connectString());
            try {
                assertEquals("/old", zk.create("/old", "v1", "PERSISTENT"));
                assertEquals("/old/s-0000000000", zk.create("/old/s-", "", "EPHEMERAL_SEQUENTIAL"));
                assertArrayEquals("v1".getBytes(StandardCharsets.UTF_8), zk.getData("/old", true));
                assertEquals(1, zk.setData("/old", "v2", 0), "the new version");
                assertEquals("NodeDataChanged /old", zk.events.poll(10, TimeUnit.SECONDS));
                assertEquals("BADVERSION", zk.failure(() -> zk.setData("/old", "v3", 0)));
                assertEquals(List.of("s-0000000000"), zk.children("/old"));
                zk.exists("/old/s-0000000000", true);
                zk.delete("/old/s-0000000000", -1);
                assertEquals("NodeDeleted /old/s-0000000000", zk.events.poll(10, TimeUnit.SECONDS));
                assertEquals("NOTEMPTY", zk.failure(() -> {
                    zk.create("/old/kid", "", "PERSISTENT");
                    zk.delete("/old", -1);
                    return null;
                }));
                assertNull(zk.exists("/gone", false));
            } finally {
                zk.close();
            }
        }
    }

    /** Apache answers a handshake without readOnly with a 36-byte response, which such clients expect. */
    @Test
    void handshakeWithoutReadOnlyGetsTheShortAnswerAsOnApache() throws Exception {
        DifferentialSettings.apply();
        int apacheBytes;
        try (InJvmApache apache = new InJvmApache(dir);
                RawClient raw = new RawClient(Integer.parseInt(apache.connectString().split(":")[1]), false)) {
            apacheBytes = raw.connectResponseBytes();
        }
        try (InJvmMenagerie server = new InJvmMenagerie(dir, "nio");
                RawClient raw = new RawClient(server.port(), false)) {
            assertEquals(apacheBytes, raw.connectResponseBytes());
            assertEquals(36, raw.connectResponseBytes());
            assertEquals(0, raw.call(OpCode.create, new CreateRequest("/pre34", new byte[0],
                    Ids.OPEN_ACL_UNSAFE, 0)).getErr());
            assertEquals(KeeperException.Code.OK.intValue(),
                    raw.call(OpCode.exists, new ExistsRequest("/pre34", false)).getErr());
        }
    }

    private static URL slf4jJar() throws Exception {
        return LoggerFactory.class.getProtectionDomain().getCodeSource().getLocation();
    }

    /** The 3.5.10 API through reflection; its classes are not the ones this test compiles against. */
    private static final class OldClient {
        private final ClassLoader loader;
        private final Object zk;
        private final Class<?> zkClass;
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();

        OldClient(ClassLoader loader, String connectString) throws Exception {
            this.loader = loader;
            zkClass = loader.loadClass("org.apache.zookeeper.ZooKeeper");
            Class<?> watcherClass = loader.loadClass("org.apache.zookeeper.Watcher");
            BlockingQueue<String> states = new LinkedBlockingQueue<>();
            Object watcher = Proxy.newProxyInstance(loader, new Class<?>[] {watcherClass}, (proxy, method, args) -> {
                if (!"process".equals(method.getName())) {
                    return method.getName().equals("hashCode") ? System.identityHashCode(proxy)
                            : method.getName().equals("equals") ? proxy == args[0] : "old watcher";
                }
                Object event = args[0];
                String type = call(event, "getType").toString();
                if ("None".equals(type)) {
                    states.add(call(event, "getState").toString());
                } else {
                    events.add(type + " " + call(event, "getPath"));
                }
                return null;
            });
            zk = zkClass.getConstructor(String.class, int.class, watcherClass).newInstance(connectString, 10_000,
                    watcher);
            assertEquals("SyncConnected", states.poll(15, TimeUnit.SECONDS), "the 3.5 client connects");
        }

        String create(String path, String data, String mode) throws Exception {
            Object openAcl = loader.loadClass("org.apache.zookeeper.ZooDefs$Ids").getField("OPEN_ACL_UNSAFE").get(null);
            Class<?> modeClass = loader.loadClass("org.apache.zookeeper.CreateMode");
            Object createMode = modeClass.getMethod("valueOf", String.class).invoke(null, mode);
            return (String) invoke("create", new Class<?>[] {String.class, byte[].class, List.class, modeClass},
                    path, data.getBytes(StandardCharsets.UTF_8), openAcl, createMode);
        }

        byte[] getData(String path, boolean watch) throws Exception {
            Class<?> stat = loader.loadClass("org.apache.zookeeper.data.Stat");
            return (byte[]) invoke("getData", new Class<?>[] {String.class, boolean.class, stat}, path, watch, null);
        }

        int setData(String path, String data, int version) throws Exception {
            Object stat = invoke("setData", new Class<?>[] {String.class, byte[].class, int.class}, path,
                    data.getBytes(StandardCharsets.UTF_8), version);
            return (Integer) call(stat, "getVersion");
        }

        @SuppressWarnings("unchecked")
        List<String> children(String path) throws Exception {
            return (List<String>) invoke("getChildren", new Class<?>[] {String.class, boolean.class}, path, false);
        }

        Object exists(String path, boolean watch) throws Exception {
            return invoke("exists", new Class<?>[] {String.class, boolean.class}, path, watch);
        }

        void delete(String path, int version) throws Exception {
            invoke("delete", new Class<?>[] {String.class, int.class}, path, version);
        }

        void close() throws Exception {
            invoke("close", new Class<?>[0]);
        }

        /** The KeeperException code name an operation fails with. */
        String failure(OldCall call) throws Exception {
            try {
                call.run();
                return "no failure";
            } catch (InvocationTargetException e) {
                return call(e.getCause(), "code").toString();
            }
        }

        private Object invoke(String name, Class<?>[] types, Object... args) throws Exception {
            Method method = zkClass.getMethod(name, types);
            return method.invoke(zk, args);
        }

        private static Object call(Object target, String name) throws Exception {
            return target.getClass().getMethod(name).invoke(target);
        }
    }

    private interface OldCall {
        Object run() throws Exception;
    }
}
