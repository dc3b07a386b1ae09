package dev.menagerie.admin.impl.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.menagerie.admin.impl.metrics.AdminMetrics;
import dev.menagerie.admin.testing.FakeServerStatus;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.status.AdminAccess;
import dev.menagerie.api.status.SnapshotFile;
import dev.menagerie.testing.Components;
import dev.menagerie.testing.FakeServerConfig;
import dev.menagerie.testing.MetricCounts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code snapshot} and {@code restore} as Apache ZooKeeper 3.9.5 answers them, on a fake server. */
class BackupCommandsTest {

    private static final String DIGEST = "digest backup:secret";

    private final FakeServerStatus status = new FakeServerStatus();
    private final FakeServerConfig config = new FakeServerConfig();
    private final AtomicLong clockMs = new AtomicLong(1_000);
    private final MetricsRegistry metrics = Components.create(MetricsRegistry.class).service();
    private final AdminMetrics adminMetrics = new AdminMetrics(metrics);
    private final CommandRegistry registry = new CommandRegistry(List.of(
            BackupCommands.snapshot(() -> config, new RateLimiter(clockMs::get), adminMetrics),
            BackupCommands.restore(() -> config, new RateLimiter(clockMs::get), adminMetrics)), () -> status);

    @TempDir
    Path folder;

    private CommandResponse run(String name, String method, String authorization, Map<String, String> query) {
        return registry.run(name, new CommandRequest(method, query, authorization, "10.1.2.3", null));
    }

    private CommandResponse restore(String authorization, byte[] body) {
        return registry.run("restore", new CommandRequest(CommandRequest.POST, Map.of(), authorization, "10.1.2.3",
                null, body == null ? null : new ByteArrayInputStream(body)));
    }

    private CommandResponse snap(String authorization) {
        return run("snap", CommandRequest.GET, authorization, Map.of());
    }

    private Path snapshotOnDisk(int bytes) throws IOException {
        Path file = Files.write(folder.resolve("snapshot.1e"), new byte[bytes]);
        status.snapshotFile = new SnapshotFile(0x1e, file);
        return file;
    }

    @Test
    void withoutAnAuthorizationHeaderBothAreRefusedBeforeAnythingIsChecked() {
        CommandResponse snapshot = snap(null);
        assertEquals(401, snapshot.httpStatus());
        assertEquals("Auth info is missing for the command", snapshot.error());
        assertEquals(401, run("restore", CommandRequest.POST, null, Map.of()).httpStatus());
        assertEquals(List.of(), status.accessChecks);
        assertEquals(0, status.snapshotsTaken);
    }

    @Test
    void theCredentialsAreCheckedForEveryPermissionOnTheRoot() throws IOException {
        snapshotOnDisk(10);
        assertEquals(200, snap(DIGEST).httpStatus());
        assertEquals(List.of("digest backup:secret / 31"), status.accessChecks);

        status.accessChecks.clear();
        config.properties.put("admin.restore.enabled", "false");
        assertEquals(503, run("restore", CommandRequest.POST, "ip", Map.of()).httpStatus(),
                "restore is disabled, but only after the authentication");
        assertEquals(List.of("ip null / 31"), status.accessChecks);
    }

    @Test
    void refusedCredentialsAnswerApachesStatusesAndTakeNoSnapshot() {
        status.access = AdminAccess.NOT_AUTHENTICATED;
        CommandResponse unauthenticated = snap(DIGEST);
        assertEquals(401, unauthenticated.httpStatus());
        assertEquals("Not authenticated", unauthenticated.error());

        status.access = AdminAccess.NOT_AUTHORIZED;
        CommandResponse forbidden = snap(DIGEST);
        assertEquals(403, forbidden.httpStatus());
        assertEquals("Not authorized", forbidden.error());

        status.access = AdminAccess.NO_NODE;
        assertEquals(500, snap(DIGEST).httpStatus());
        assertEquals(0, status.snapshotsTaken);
    }

    @Test
    void aHeaderOfMoreThanTwoPartsIsNotAuthenticatedWithoutAskingTheServer() {
        CommandResponse response = snap("digest backup:secret extra");
        assertEquals(401, response.httpStatus());
        assertEquals("Not authenticated", response.error());
        assertEquals(List.of(), status.accessChecks);
    }

    @Test
    void aSnapshotIsStreamedWithItsZxidAndSizeInHeaders() throws IOException {
        Path file = snapshotOnDisk(1234);
        CommandResponse response = snap(DIGEST);
        assertEquals(200, response.httpStatus());
        assertNull(response.error());
        assertEquals(Map.of("last_zxid", "0x1e", "snapshot_size", "1234"), response.headers());
        assertEquals(file, response.body());
    }

    @Test
    void streamingFalseAnswersTheHeadersWithoutTheFile() throws IOException {
        snapshotOnDisk(99);
        CommandResponse response = run("snapshot", CommandRequest.GET, DIGEST, Map.of("streaming", "false"));
        assertEquals(200, response.httpStatus());
        assertEquals("99", response.headers().get("snapshot_size"));
        assertNull(response.body());
        assertEquals(1, status.snapshotsTaken);
    }

    @Test
    void anEmptyOrFailedSnapshotIsAServerError() throws IOException {
        snapshotOnDisk(0);
        CommandResponse empty = snap(DIGEST);
        assertEquals(500, empty.httpStatus());
        assertEquals("0", empty.headers().get("snapshot_size"));
        assertNull(empty.body());

        status.snapshotFile = null;
        clockMs.addAndGet(1_000);
        assertEquals(500, snap(DIGEST).httpStatus());
        assertEquals(2, MetricCounts.count(metrics, "snapshot_error_count"), "both, as Apache counts them");
    }

    @Test
    void aDisabledSnapshotAnswers503AfterTheAuthentication() throws IOException {
        snapshotOnDisk(10);
        config.properties.put("admin.snapshot.enabled", "false");
        CommandResponse response = snap(DIGEST);
        assertEquals(503, response.httpStatus());
        assertNull(response.error());
        assertEquals(1, status.accessChecks.size());
        assertEquals(0, status.snapshotsTaken);
    }

    @Test
    void oneSnapshotPerIntervalWhichApacheReadsAsMicroseconds() throws IOException {
        snapshotOnDisk(10);
        assertEquals(200, snap(DIGEST).httpStatus());
        assertEquals(429, snap(DIGEST).httpStatus());
        clockMs.addAndGet(300);
        assertEquals(429, snap(DIGEST).httpStatus(), "the default 300000 is 300 ms, and the permit comes after it");
        clockMs.addAndGet(1);
        assertEquals(200, snap(DIGEST).httpStatus());

        config.properties.put("admin.rateLimiterIntervalInMS", "5000000");
        clockMs.addAndGet(4_000);
        assertEquals(429, snap(DIGEST).httpStatus());
        clockMs.addAndGet(1_301);
        assertEquals(200, snap(DIGEST).httpStatus());
        assertEquals(3, status.snapshotsTaken);
        assertEquals(3, MetricCounts.count(metrics, "snapshot_rate_limited_count"));
        assertEquals(0, MetricCounts.count(metrics, "snapshot_error_count"));
    }

    @Test
    void restoreLoadsTheBodyAndAnswersTheSnapshotsZxid() {
        CommandResponse response = restore(DIGEST, new byte[] {1, 2, 3});
        assertEquals(200, response.httpStatus());
        assertNull(response.error());
        assertEquals(Map.of("last_zxid", 0x2aL), response.fields());
        assertArrayEquals(new byte[] {1, 2, 3}, status.restoredStreams.get(0));
        assertEquals(List.of("digest backup:secret / 31"), status.accessChecks);
        assertEquals(1, MetricCounts.count(metrics, "restore_time"), "a successful restore is timed");
        assertEquals(0, MetricCounts.count(metrics, "restore_error_count"));
    }

    @Test
    void aStreamTheServerRefusesIsAServerErrorThatSaysWhy() {
        status.restoreFailure = new IOException("the stream is not a version 2 ZooKeeper snapshot");
        CommandResponse response = restore(DIGEST, new byte[] {9});
        assertEquals(500, response.httpStatus());
        assertEquals("Restore failed: the stream is not a version 2 ZooKeeper snapshot", response.error());

        clockMs.addAndGet(300_001);
        status.restoreFailure = new IllegalStateException("restore is only supported on a standalone server");
        assertEquals(500, restore(DIGEST, new byte[] {9}).httpStatus());
        assertEquals(2, MetricCounts.count(metrics, "restore_error_count"));
        assertEquals(0, MetricCounts.count(metrics, "restore_time"), "only a restore that serves is timed");
    }

    @Test
    void restoreWithoutABodyIsABadRequestAndTakesNoPermit() {
        assertEquals(400, restore(DIGEST, null).httpStatus());
        assertEquals(200, restore(DIGEST, new byte[] {1}).httpStatus());
    }

    @Test
    void oneRestorePerIntervalInMilliseconds() {
        assertEquals(200, restore(DIGEST, new byte[] {1}).httpStatus());
        clockMs.addAndGet(300_000);
        CommandResponse limited = restore(DIGEST, new byte[] {1});
        assertEquals(429, limited.httpStatus(), "the default 300000 is five minutes for restore");
        assertNull(limited.error());
        clockMs.addAndGet(1);
        assertEquals(200, restore(DIGEST, new byte[] {1}).httpStatus());
        assertEquals(2, status.restoredStreams.size());
        assertEquals(1, MetricCounts.count(metrics, "restore_rate_limited_count"));
        assertEquals(0, MetricCounts.count(metrics, "snapshot_rate_limited_count"));
    }

    @Test
    void snapshotAndRestoreHaveAPermitEach() throws IOException {
        snapshotOnDisk(10);
        assertEquals(200, snap(DIGEST).httpStatus());
        assertEquals(200, restore(DIGEST, new byte[] {1}).httpStatus());
    }

    @Test
    void aDisabledRestoreAnswers503AndReadsNothing() {
        config.properties.put("admin.restore.enabled", "FALSE");
        CommandResponse response = restore(DIGEST, new byte[] {1});
        assertEquals(503, response.httpStatus());
        assertNull(response.error());
        assertEquals(List.of(), status.restoredStreams);
        assertEquals(0, MetricCounts.count(metrics, "restore_error_count"), "a disabled restore is no error");
    }

    @Test
    void restoreIsAPostAndSnapshotAGet() {
        assertEquals(405, run("rest", CommandRequest.GET, DIGEST, Map.of()).httpStatus());
        assertEquals(405, run("snap", CommandRequest.POST, DIGEST, Map.of()).httpStatus());
    }
}
