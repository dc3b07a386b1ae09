package dev.menagerie.api.status;

/**
 * The data tree's counts.
 *
 * @param nodeCount znodes, counting the root and the system nodes under {@code /zookeeper}
 * @param ephemeralCount ephemeral znodes
 * @param approximateDataSizeBytes the bytes of every path and data, as Apache approximates them
 * @param watchCount data and child watches, each (connection, path, kind) once
 * @param digest the tree digest ({@code hash}), as Apache computes it
 */
public record DataTreeStatus(int nodeCount, int ephemeralCount, long approximateDataSizeBytes, int watchCount,
        long digest) {
}
