package dev.menagerie.api.status;

/**
 * The figures of {@code srvr}: what the server is and how much it did.
 *
 * @param mode {@code standalone}, {@code leader}, {@code follower}, {@code observer}, or another word while a
 *     quorum peer elects or syncs
 * @param serving whether clients are served; a quorum member that has no role yet does not serve
 * @param lastZxid the zxid of the last transaction applied to the data tree
 * @param latency request latencies since the last server statistics reset
 * @param packetsReceived client packets received since that reset
 * @param packetsSent client packets sent since that reset
 * @param connectionCount open client connections
 * @param outstandingRequests requests accepted and not answered yet
 * @param uptimeMs how long the server has run
 * @param authFailures failed client authentications since that reset
 * @param digestMismatches transactions whose tree digest differed from the leader's
 */
public record ServerSummary(String mode, boolean serving, long lastZxid, Latency latency, long packetsReceived,
        long packetsSent, int connectionCount, int outstandingRequests, long uptimeMs, long authFailures,
        long digestMismatches) {
}
