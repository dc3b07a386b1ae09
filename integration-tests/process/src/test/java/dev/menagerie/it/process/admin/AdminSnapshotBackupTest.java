package dev.menagerie.it.process.admin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.menagerie.it.process.Clients;
import dev.menagerie.it.process.Distribution;
import dev.menagerie.it.process.MenagerieServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.server.auth.DigestAuthenticationProvider;
import org.junit.jupiter.api.Test;

/**
 * A backup as an operator takes one: the admin {@code snapshot} command, authenticated with a digest user that the
 * root's ACL grants everything, streams a snapshot; saved as {@code snapshot.<zxid>} in an empty data folder, it
 * starts a second server with the same tree, data and ACLs.
 */
class AdminSnapshotBackupTest {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int NODES = 50;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();

    @Test
    void aStreamedSnapshotStartsAnotherServerWithTheSameData() throws Exception {
        Path work = Distribution.newWorkDir("admin-snapshot");
        byte[] snapshot;
        String lastZxid;
        // The client's validateACL asks contains(null), which an immutable list refuses.
        List<ACL> rootAcl = new ArrayList<>(List.of(
                new ACL(ZooDefs.Perms.ALL, new Id("digest",
                        DigestAuthenticationProvider.generateDigest("backup:secret"))),
                new ACL(ZooDefs.Perms.READ, ZooDefs.Ids.ANYONE_ID_UNSAFE)));
        // Apache reads the interval as microseconds for snapshot: this is one snapshot a minute.
        try (MenagerieServer source = MenagerieServer.forTest("source", work,
                Map.of("admin.rateLimiterIntervalInMS", "60000000"))) {
            source.start();
            ZooKeeper client = Clients.awaitServing(source, START_TIMEOUT);
            try {
                client.create("/backup", "root".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                        CreateMode.PERSISTENT);
                for (int i = 0; i < NODES; i++) {
                    client.create("/backup/n" + i, new byte[] {(byte) i}, ZooDefs.Ids.OPEN_ACL_UNSAFE,
                            CreateMode.PERSISTENT);
                }
                client.setACL("/", rootAcl, -1);
            } finally {
                Clients.closeQuietly(client);
            }
            URI snapshotUri = URI.create("http://127.0.0.1:" + source.adminPort() + "/commands/snapshot");

            HttpResponse<byte[]> anonymous = get(snapshotUri, null);
            assertEquals(401, anonymous.statusCode(), "no Authorization header");
            HttpResponse<byte[]> wrongPassword = get(snapshotUri, "digest backup:wrong");
            assertEquals(403, wrongPassword.statusCode(), "an id the root's ACL does not grant everything");

            HttpResponse<byte[]> granted = get(snapshotUri, "digest backup:secret");
            assertEquals(200, granted.statusCode());
            assertEquals("application/octet-stream", granted.headers().firstValue("Content-Type").orElse(""));
            snapshot = granted.body();
            assertEquals(String.valueOf(snapshot.length), granted.headers().firstValue("snapshot_size").orElse(""));
            lastZxid = granted.headers().firstValue("last_zxid").orElseThrow();
            assertEquals(429, get(snapshotUri, "digest backup:secret").statusCode(), "one snapshot per minute");
        }

        Path restoredData = work.resolve("restored-data").resolve("version-2");
        Files.createDirectories(restoredData);
        Files.write(restoredData.resolve("snapshot." + lastZxid.substring(2)), snapshot);
        try (MenagerieServer restored = MenagerieServer.forTest("restored", work, Map.of())) {
            restored.start();
            ZooKeeper client = Clients.awaitServing(restored, START_TIMEOUT);
            try {
                assertArrayEquals("root".getBytes(StandardCharsets.UTF_8), client.getData("/backup", false, null));
                List<String> children = client.getChildren("/backup", false);
                assertEquals(NODES, children.size());
                for (int i = 0; i < NODES; i++) {
                    assertArrayEquals(new byte[] {(byte) i}, client.getData("/backup/n" + i, false, null));
                }
                // Without ADMIN on "/" the digest would read back as backup:x.
                client.addAuthInfo("digest", "backup:secret".getBytes(StandardCharsets.UTF_8));
                assertEquals(rootAcl, client.getACL("/", null));
            } finally {
                Clients.closeQuietly(client);
            }
        }
    }

    private HttpResponse<byte[]> get(URI uri, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
