package dev.menagerie.admin.impl.command;

import dev.menagerie.admin.impl.metrics.AdminMetrics;
import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.status.SnapshotFile;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code snapshot} ({@code snap}) and {@code restore} ({@code rest}), in the order Apache ZooKeeper 3.9.5 checks a
 * request: authentication against the root's ACL ({@link AdminAuthorization}), then the method, the feature flag
 * (503 when off), the rate limit (429) and the work. {@code snapshot} writes a snapshot file and streams it as
 * {@code application/octet-stream} with the headers {@code last_zxid} and {@code snapshot_size}; with
 * {@code ?streaming=false} it answers the JSON with those headers only. {@code restore} is a POST whose body is a
 * snapshot file; it answers {@code last_zxid}, the zxid the snapshot was taken at. Where Apache answers a failed
 * restore with no error text, this one says what was wrong with the stream. Both count their refusals by the rate
 * limit and their failures, and {@code restore} times its successes, in Apache's metrics.
 */
final class BackupCommands implements AdminCommand {

    static final String STREAMING = "streaming";
    static final String LAST_ZXID_HEADER = "last_zxid";
    static final String SNAPSHOT_SIZE_HEADER = "snapshot_size";
    static final String LAST_ZXID_FIELD = "last_zxid";

    private static final Logger LOG = LoggerFactory.getLogger(BackupCommands.class);

    private final String primaryName;
    private final Set<String> names;
    private final String takenMethod;
    private final Supplier<ServerConfig> config;
    /** One per command: a snapshot does not use up the permit of a restore. */
    private final RateLimiter rateLimiter;
    private final AdminMetrics metrics;

    private BackupCommands(String primaryName, String alias, String takenMethod, Supplier<ServerConfig> config,
            RateLimiter rateLimiter, AdminMetrics metrics) {
        this.primaryName = primaryName;
        this.names = Set.of(primaryName, alias);
        this.takenMethod = takenMethod;
        this.config = config;
        this.rateLimiter = rateLimiter;
        this.metrics = metrics;
    }

    static BackupCommands snapshot(Supplier<ServerConfig> config, RateLimiter rateLimiter, AdminMetrics metrics) {
        return new BackupCommands("snapshot", "snap", CommandRequest.GET, config, rateLimiter, metrics);
    }

    static BackupCommands restore(Supplier<ServerConfig> config, RateLimiter rateLimiter, AdminMetrics metrics) {
        return new BackupCommands("restore", "rest", CommandRequest.POST, config, rateLimiter, metrics);
    }

    @Override
    public String primaryName() {
        return primaryName;
    }

    @Override
    public Set<String> names() {
        return names;
    }

    /** Apache checks the authentication of either method before it looks at the method. */
    @Override
    public Set<String> methods() {
        return Set.of(CommandRequest.GET, CommandRequest.POST);
    }

    @Override
    public CommandResponse run(CommandRequest request) {
        Optional<CommandResponse> refusal = AdminAuthorization.refusal(primaryName, request, takenMethod);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        BackupSettings settings = BackupSettings.of(config.get());
        return CommandRequest.GET.equals(takenMethod) ? snapshot(request, settings) : restore(request, settings);
    }

    private CommandResponse snapshot(CommandRequest request, BackupSettings settings) {
        if (!settings.snapshotEnabled()) {
            LOG.warn("Admin command snapshot is disabled ({}=false)", BackupSettings.SNAPSHOT_ENABLED);
            return status(CommandResponse.HTTP_UNAVAILABLE);
        }
        if (!rateLimiter.allow(settings.snapshotIntervalMs())) {
            metrics.snapshotRateLimited.increment();
            LOG.warn("Admin command snapshot was rate limited: one per {} ms ({})", settings.snapshotIntervalMs(),
                    BackupSettings.RATE_LIMITER_INTERVAL);
            return status(CommandResponse.HTTP_TOO_MANY_REQUESTS);
        }
        boolean streaming = !request.parameters().containsKey(STREAMING)
                || Boolean.parseBoolean(request.parameters().get(STREAMING));
        SnapshotFile file;
        long size;
        try {
            file = request.server().takeSnapshot();
            size = Files.size(file.path());
        } catch (IOException e) {
            metrics.snapshotErrors.increment();
            LOG.warn("Admin command snapshot failed: {}", e.toString());
            return status(CommandResponse.HTTP_INTERNAL_ERROR);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(LAST_ZXID_HEADER, "0x" + Long.toHexString(file.zxid()));
        headers.put(SNAPSHOT_SIZE_HEADER, Long.toString(size));
        if (size == 0) {
            metrics.snapshotErrors.increment();
            LOG.warn("Admin command snapshot: the snapshot file {} is empty", file.path());
            return new CommandResponse(primaryName, null, CommandResponse.HTTP_INTERNAL_ERROR, Map.of(), headers,
                    null);
        }
        LOG.info("Admin command snapshot: sending {} ({} bytes) to {}", file.path().getFileName(), size,
                request.remoteAddress());
        return new CommandResponse(primaryName, null, CommandResponse.HTTP_OK, Map.of(), headers,
                streaming ? file.path() : null);
    }

    /** Apache's checks in Apache's order: the flag (503), a body (400), the rate limit (429), then the load. */
    private CommandResponse restore(CommandRequest request, BackupSettings settings) {
        if (!settings.restoreEnabled()) {
            LOG.warn("Admin command restore is disabled ({}=false)", BackupSettings.RESTORE_ENABLED);
            return status(CommandResponse.HTTP_UNAVAILABLE);
        }
        if (request.body() == null) {
            LOG.warn("Admin command restore has no request body to load");
            return status(CommandResponse.HTTP_BAD_REQUEST);
        }
        if (!rateLimiter.allow(settings.restoreIntervalMs())) {
            metrics.restoreRateLimited.increment();
            LOG.warn("Admin command restore was rate limited: one per {} ms ({})", settings.restoreIntervalMs(),
                    BackupSettings.RATE_LIMITER_INTERVAL);
            return status(CommandResponse.HTTP_TOO_MANY_REQUESTS);
        }
        LOG.info("Admin command restore: loading a snapshot sent by {}", request.remoteAddress());
        long startNs = System.nanoTime();
        try {
            long zxid = request.server().restoreSnapshot(request.body());
            metrics.restoreTimeMs.record(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs));
            LOG.info("Admin command restore: the snapshot of zxid 0x{} serves now", Long.toHexString(zxid));
            return CommandResponse.ok(primaryName, Map.of(LAST_ZXID_FIELD, zxid));
        } catch (IOException | IllegalStateException e) {
            metrics.restoreErrors.increment();
            LOG.warn("Admin command restore failed; the previous data serves on: {}", e.getMessage());
            return CommandResponse.failed(primaryName, CommandResponse.HTTP_INTERNAL_ERROR,
                    "Restore failed: " + e.getMessage());
        }
    }

    /** Apache's answer for these refusals: the status, no error text. */
    private CommandResponse status(int httpStatus) {
        return new CommandResponse(primaryName, null, httpStatus, Map.of());
    }
}
