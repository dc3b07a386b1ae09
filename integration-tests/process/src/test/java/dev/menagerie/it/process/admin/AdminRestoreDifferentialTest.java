package dev.menagerie.it.process.admin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.menagerie.it.process.ApacheServer;
import dev.menagerie.it.process.Clients;
import dev.menagerie.it.process.Distribution;
import dev.menagerie.it.process.MenagerieServer;
import dev.menagerie.it.process.ServerProcess;
import dev.menagerie.testing.Await;
import dev.menagerie.testing.FreePorts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

/**
 * The admin {@code restore} command of Menagerie and of Apache ZooKeeper 3.9.5, each fed the snapshot its own
 * {@code snapshot} command streamed before the data changed: the same HTTP statuses and JSON shapes, the same
 * {@code last_zxid}, the snapshot's data back for the Apache Java client, writes going on afterwards, and a damaged
 * stream refused by both (Menagerie says why in {@code error}, where Apache leaves it null).
 */
class AdminRestoreDifferentialTest {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration RESTORED = Duration.ofSeconds(30);
    private static final String AUTHORIZATION = "digest backup:secret";
    private static final byte[] V1 = "v1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] V2 = "v2".getBytes(StandardCharsets.UTF_8);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(AdminComparison.REQUEST_TIMEOUT).build();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void restoreAnswersAndRestoresAsApachesDoes() throws Exception {
        Path work = Distribution.newWorkDir("admin-restore-differential");
        int apacheAdminPort = FreePorts.next();
        // Apache reads these zoo.cfg keys as zookeeper.* system properties; 0 lets restores follow each other.
        Map<String, String> admin = Map.of("admin.rateLimiterIntervalInMS", "0");
        try (ApacheServer apache = ApacheServer.forTest("apache", work, Map.of(
                        "admin.enableServer", "true",
                        "admin.serverAddress", "127.0.0.1",
                        "admin.serverPort", String.valueOf(apacheAdminPort),
                        "admin.rateLimiterIntervalInMS", "0"));
                MenagerieServer menagerie = MenagerieServer.forTest("menagerie", work, admin)) {
            apache.start();
            menagerie.start();
            Restored fromApache = restoreRoundTrip(apache, AdminComparison.base(apacheAdminPort));
            Restored fromMenagerie = restoreRoundTrip(menagerie, AdminComparison.base(menagerie.adminPort()));

            assertEquals(fromApache.shape(), fromMenagerie.shape(), "the JSON answer of a good restore");
            assertEquals(500, fromApache.damagedStatus());
            assertEquals(500, fromMenagerie.damagedStatus());
            assertTrue(fromApache.damagedAnswer().path("error").isNull(), fromApache.damagedAnswer().toString());
            assertTrue(fromMenagerie.damagedAnswer().path("error").asText().startsWith("Restore failed: "),
                    fromMenagerie.damagedAnswer().toString());
            assertEquals(401, fromApache.anonymousStatus());
            assertEquals(401, fromMenagerie.anonymousStatus());
        }
    }

    /** What one server answered; the data checks are done on the way. */
    private record Restored(Map<String, String> shape, int damagedStatus, JsonNode damagedAnswer,
            int anonymousStatus) {
    }

    private Restored restoreRoundTrip(ServerProcess server, URI base) throws Exception {
        ZooKeeper client = Clients.awaitServing(server, START_TIMEOUT);
        try {
            client.create("/r", V1, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            for (int i = 0; i < 10; i++) {
                client.create("/r/n" + i, new byte[] {(byte) i}, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            }
            HttpResponse<byte[]> snapshot = send(HttpRequest.newBuilder(base.resolve("snapshot"))
                    .header("Authorization", AUTHORIZATION).GET());
            assertEquals(200, snapshot.statusCode(), server + ": snapshot");
            long snapshotZxid = Long.decode(snapshot.headers().firstValue("last_zxid").orElseThrow());
            client.setData("/r", V2, -1);
            client.delete("/r/n0", -1);

            HttpResponse<byte[]> restore = post(base, snapshot.body(), AUTHORIZATION);
            JsonNode answer = json.readTree(restore.body());
            assertEquals(200, restore.statusCode(), server + ": " + answer);
            assertEquals(snapshotZxid, answer.path("last_zxid").asLong(), server + ": " + answer);

            Await.untilNoException(server + " serving the snapshot's /r", RESTORED,
                    () -> Arrays.equals(V1, client.getData("/r", false, null)) ? Boolean.TRUE : null);
            assertNotNull(client.exists("/r/n0", false), server + ": /r/n0 is back");
            client.create("/r/after", V2, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            assertArrayEquals(V2, client.getData("/r/after", false, null));

            byte[] damaged = snapshot.body().clone();
            damaged[damaged.length / 2] ^= 0x10;
            HttpResponse<byte[]> refused = post(base, damaged, AUTHORIZATION);
            assertArrayEquals(V1, client.getData("/r", false, null), server + ": the data after a refused restore");
            assertNotNull(client.exists("/r/after", false), server + ": written after the restore, kept");
            HttpResponse<byte[]> anonymous = post(base, snapshot.body(), null);
            return new Restored(JsonShape.of(answer, Set.of()), refused.statusCode(),
                    json.readTree(refused.body()), anonymous.statusCode());
        } finally {
            Clients.closeQuietly(client);
        }
    }

    private HttpResponse<byte[]> post(URI base, byte[] body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("restore"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(AdminComparison.REQUEST_TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
