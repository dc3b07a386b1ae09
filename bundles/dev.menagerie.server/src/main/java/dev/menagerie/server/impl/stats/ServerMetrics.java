package dev.menagerie.server.impl.stats;

import dev.menagerie.api.metrics.Counter;
import dev.menagerie.api.metrics.CounterSet;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.metrics.MetricsRegistry.Detail;
import dev.menagerie.api.metrics.Summary;
import dev.menagerie.protocol.EventType;
import dev.menagerie.server.impl.auth.EnsembleAuthenticationProvider.Outcome;
import java.util.EnumMap;
import java.util.Map;

/**
 * The server's metrics in the registry, under Apache ZooKeeper 3.9's names, kinds and detail levels
 * ({@code ServerMetrics}). Times are in milliseconds, sizes in bytes, as Apache's are. Asked for once per server;
 * the registry hands the same metrics to a server started again.
 */
public final class ServerMetrics {

    /** Client requests without a transaction (reads, pings, sync), from arrival to reply. */
    public final Summary readLatency;
    /** Client requests with a transaction (writes, session creation and closing), from arrival to reply. */
    public final Summary updateLatency;
    /** Bytes of client frames received, length prefix included. */
    public final Counter bytesReceived;
    /** Creates and setData refused by a hard quota, per top namespace of the node (Apache 3.9's set). */
    public final CounterSet quotaExceeded;
    /** Bytes of replies to requests, and of watch notifications (frames without their length prefix). */
    public final Counter responseBytes;
    public final Counter watchBytes;
    /** Connect requests from clients. */
    public final Counter connectionRequests;
    /** Connections refused because their address had {@code maxClientCnxns} already, or by the throttle. */
    public final Counter connectionsRejected;
    /** Tokens missing from the connection throttle's bucket, at each connect request it admitted. */
    public final Summary connectionTokenDeficit;
    /** Connections the client closed (Apache's connection_drop_count), as the transport tells. */
    public final Counter connectionDrops;
    /** Connections closed because they sent no connect request in time. */
    public final Counter sessionlessConnectionsExpired;
    /** Connections closed at their connect request because the server does not serve (electing, syncing). */
    public final Counter cnxnClosedWithoutServerRunning;
    /** Requests refused because they would put the large requests held over largeRequestMaxBytes. */
    public final Counter largeRequestsRejected;
    public final Summary snapshotTime;
    /** Loading the database from snapshot and log. */
    public final Summary databaseInitTime;
    /** Of that, reading the snapshot. */
    public final Summary startupSnapshotLoadTime;
    /** Transactions replayed from the log at each load, and the time they took. */
    public final Summary startupTxnsLoaded;
    public final Summary startupTxnsLoadTime;
    /** Sessions closed by the expirer because they timed out. */
    public final Counter staleSessionsExpired;
    /** Committed transactions after which the tree's digest differed from the one logged with them. */
    public final Counter digestMismatches;
    /** Connect requests that resume a session (a client reconnecting), as Apache counts them. */
    public final Counter connectionRevalidations;
    /** Failures that stopped the server (fail-stop). */
    public final Counter unrecoverableErrors;
    /** read_per_namespace and write_per_namespace. */
    public final NamespaceBytes namespaceBytes;
    /** The prep and commit stages' queues and times. */
    public final StageMetrics stages;
    /** Removing closed connections' watches. */
    public final DeadWatchers deadWatchers;
    /** Requests of connections that closed before they were answered. */
    public final StaleRequests staleRequests;
    /** Replies served from, or added to, the getData and getChildren2 response caches. */
    public final ResponseCacheCounters responseCache;
    private final Map<Outcome, Counter> ensembleAuth = new EnumMap<>(Outcome.class);
    private final Summary nodeCreatedWatches;
    private final Summary nodeDeletedWatches;
    private final Summary nodeChangedWatches;
    private final Summary nodeChildrenWatches;

    public ServerMetrics(MetricsRegistry registry) {
        readLatency = registry.summary("readlatency", Detail.ADVANCED);
        updateLatency = registry.summary("updatelatency", Detail.ADVANCED);
        bytesReceived = registry.counter("bytes_received_count");
        connectionRequests = registry.counter("connection_request_count");
        connectionsRejected = registry.counter("connection_rejected");
        sessionlessConnectionsExpired = registry.counter("sessionless_connections_expired");
        connectionTokenDeficit = registry.summary("connection_token_deficit", Detail.BASIC);
        connectionDrops = registry.counter("connection_drop_count");
        cnxnClosedWithoutServerRunning = registry.counter("cnxn_closed_without_zk_server_running");
        largeRequestsRejected = registry.counter("large_requests_rejected");
        responseBytes = registry.counter("response_bytes");
        watchBytes = registry.counter("watch_bytes");
        snapshotTime = registry.summary("snapshottime", Detail.BASIC);
        databaseInitTime = registry.summary("dbinittime", Detail.BASIC);
        startupSnapshotLoadTime = registry.summary("startup_snap_load_time", Detail.BASIC);
        startupTxnsLoaded = registry.summary("startup_txns_loaded", Detail.BASIC);
        startupTxnsLoadTime = registry.summary("startup_txns_load_time", Detail.BASIC);
        staleSessionsExpired = registry.counter("stale_sessions_expired");
        unrecoverableErrors = registry.counter("unrecoverable_error_count");
        digestMismatches = registry.counter("digest_mismatches_count");
        connectionRevalidations = registry.counter("connection_revalidate_count");
        namespaceBytes = new NamespaceBytes(registry.summarySet("read_per_namespace", Detail.BASIC),
                registry.summarySet("write_per_namespace", Detail.BASIC));
        stages = new StageMetrics(registry);
        deadWatchers = new DeadWatchers(registry);
        staleRequests = new StaleRequests(registry);
        quotaExceeded = registry.counterSet("quota_exceeded_error_per_namespace");
        // Apache's names for mechanisms Menagerie does not have, whose keys it warns about (the commit processor's
        // worker pool, commitProcessor.*; the request throttler, request_throttle_* and throttled_op_wait_time):
        // listed, and empty, as Apache's are with those mechanisms off (docs/operations.md, "Metric groups").
        registry.summary("concurrent_request_processing_in_commit_processor", Detail.BASIC);
        registry.summary("time_waiting_empty_pool_in_commit_processor_read_ms", Detail.BASIC);
        registry.summary("request_throttle_queue_time_ms", Detail.ADVANCED);
        registry.counter("request_throttle_wait_count");
        registry.counter("throttled_ops");
        responseCache = new ResponseCacheCounters(registry);
        ensembleAuth.put(Outcome.ACCEPTED, registry.counter("ensemble_auth_success"));
        ensembleAuth.put(Outcome.REFUSED, registry.counter("ensemble_auth_fail"));
        ensembleAuth.put(Outcome.SKIPPED, registry.counter("ensemble_auth_skip"));
        // Fed by the netty transport, which asks for the same metrics; listed whichever transport runs, as in Apache.
        registry.counter("unsuccessful_handshake");
        registry.counter("tls_handshake_exceeded");
        registry.summary("netty_queued_buffer_capacity", Detail.BASIC);
        nodeCreatedWatches = registry.summary("node_created_watch_count", Detail.BASIC);
        nodeDeletedWatches = registry.summary("node_deleted_watch_count", Detail.BASIC);
        nodeChangedWatches = registry.summary("node_changed_watch_count", Detail.BASIC);
        nodeChildrenWatches = registry.summary("node_children_watch_count", Detail.BASIC);
    }

    /** One auth packet of the {@code ensemble} scheme, counted by what became of it. */
    public void ensembleAuth(Outcome outcome) {
        ensembleAuth.get(outcome).increment();
    }

    /** How many watches one event fired in one watch table; Apache records only events that fired some. */
    public void watchesFired(EventType type, int watches) {
        if (watches == 0) {
            return;
        }
        switch (type) {
            case NODE_CREATED -> nodeCreatedWatches.record(watches);
            case NODE_DELETED -> nodeDeletedWatches.record(watches);
            case NODE_DATA_CHANGED -> nodeChangedWatches.record(watches);
            case NODE_CHILDREN_CHANGED -> nodeChildrenWatches.record(watches);
            default -> {
                // Apache counts no other event types.
            }
        }
    }
}
