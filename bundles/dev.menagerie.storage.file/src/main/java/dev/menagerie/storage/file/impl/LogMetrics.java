package dev.menagerie.storage.file.impl;

import dev.menagerie.api.metrics.Counter;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.metrics.MetricsRegistry.Detail;
import dev.menagerie.api.metrics.Summary;

/**
 * The transaction log writer's metrics, under the names Apache ZooKeeper 3.9 gives its SyncRequestProcessor, whose
 * part the group-commit writer plays here. Times are milliseconds.
 */
final class LogMetrics {

    /** Each fsync of the log. */
    final Summary fsyncTimeMs;
    /** Appends queued for the writer. */
    final Counter queued;
    /** Appends still queued after the writer took its next batch. */
    final Summary queueSize;
    /** From an append's queueing to the writer taking it. */
    final Summary queueTimeMs;
    /** Writing a group into the file, before it is forced. */
    final Summary processTimeMs;
    /** Appends written and forced together, and the time that took. */
    final Summary batchSize;
    final Summary flushTimeMs;
    /** From an append's queueing to its being durable. */
    final Summary queueAndFlushTimeMs;

    LogMetrics(MetricsRegistry registry) {
        fsyncTimeMs = registry.summary("fsynctime", Detail.BASIC);
        queued = registry.counter("sync_processor_request_queued");
        queueSize = registry.summary("sync_processor_queue_size", Detail.BASIC);
        queueTimeMs = registry.summary("sync_processor_queue_time_ms", Detail.ADVANCED);
        processTimeMs = registry.summary("sync_process_time", Detail.BASIC);
        batchSize = registry.summary("sync_processor_batch_size", Detail.BASIC);
        flushTimeMs = registry.summary("sync_processor_queue_flush_time_ms", Detail.ADVANCED);
        queueAndFlushTimeMs = registry.summary("sync_processor_queue_and_flush_time_ms", Detail.ADVANCED);
    }
}
