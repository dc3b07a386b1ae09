package dev.menagerie.server.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.testing.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk fails the writes that cannot be logged with an error to their client, loses nothing that was
 * acknowledged, and writes work again once space returns. Needs a small tmpfs, so it needs root (as CI runs);
 * without it the test fails and says so.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FullDiskTest {

    @TempDir
    Path dir;

    private Path disk;
    private boolean mounted;

    @BeforeEach
    void mountSmallDisk() throws Exception {
        disk = Files.createDirectories(dir.resolve("disk"));
        mounted = run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", disk.toString()) == 0;
        assertTrue(mounted, "cannot mount a 2 MiB tmpfs at " + disk + ": the full-disk test needs root (CI runs as"
                + " root); run the tests as root or in a container that may mount");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            run("umount", "-l", disk.toString());
        }
    }

    @Test
    void writesFailWhileTheDiskIsFullAndSucceedAgainAfterSpaceReturns() throws Exception {
        Path data = disk.resolve("data");
        List<String> acknowledged = new ArrayList<>();
        int port;
        try (InJvmMenagerie server = new InJvmMenagerie(dir, FreePorts.next(), "nio",
                "dataDir=" + data, "preAllocSize=16", "snapCount=100000")) {
            port = server.port();
            ZooKeeper zk = JavaClientSmokeTest.connect(server.connectString(), new LinkedBlockingQueue<>());
            Path filler = disk.resolve("filler");
            Files.write(filler, new byte[1_600_000]);
            byte[] value = new byte[8_000];
            KeeperException refused = null;
            for (int i = 0; i < 200 && refused == null; i++) {
                try {
                    acknowledged.add(zk.create("/n-" + i, value, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
                } catch (KeeperException e) {
                    refused = e;
                }
            }
            assertNotNull(refused, "a write failed once the disk was full");
            assertTrue(refused instanceof KeeperException.SystemErrorException, refused.toString());
            String failedPath = refused.getPath();
            assertNotNull(zk.exists("/", false), "reads are still served");

            Files.delete(filler);
            acknowledged.add(zk.create("/after-space-returned", value, ZooDefs.Ids.OPEN_ACL_UNSAFE,
                    CreateMode.PERSISTENT));
            for (String path : acknowledged) {
                assertArrayEquals(value, zk.getData(path, false, null), path);
            }
            if (failedPath != null) {
                assertNull(zk.exists(failedPath, false), "the refused write did not happen");
            }
            zk.close();
        }
        try (InJvmMenagerie again = new InJvmMenagerie(dir, port, "nio", "dataDir=" + data, "preAllocSize=16")) {
            ZooKeeper zk = JavaClientSmokeTest.connect(again.connectString(), new LinkedBlockingQueue<>());
            for (String path : acknowledged) {
                assertNotNull(zk.exists(path, false), "acknowledged before the restart: " + path);
            }
            zk.close();
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }
}
