package dev.menagerie.api.status;

/**
 * Request latencies since the last reset, in milliseconds; all zero before the first request.
 *
 * @param avgMs the mean, rounded half-up to 4 decimals as Apache rounds it
 */
public record Latency(long minMs, double avgMs, long maxMs) {

    /** Before any request. */
    public static final Latency NONE = new Latency(0, 0, 0);
}
