package dev.menagerie.server.impl.pipeline;

import dev.menagerie.server.impl.op.PrepSettings;

/**
 * What the stages are configured with.
 *
 * @param prep           the switches prep reads (extended types, quotas, reconfig, closeSession transactions)
 * @param queueCapacity  how many requests a pipeline or a learner stage holds at once: its queues are bounded by
 *                       it, and a request that finds them full is refused, not queued (see {@link RequestSink})
 * @param responseCaches how many encoded getData and getChildren2 replies the stages' reply caches keep
 */
public record StageSettings(PrepSettings prep, int queueCapacity, ResponseCacheSizes responseCaches) {

    public StageSettings {
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queue capacity " + queueCapacity + " must be at least 1");
        }
    }
}
