package dev.menagerie.api.status;

import java.nio.file.Path;

/**
 * The settings the server runs with, as {@code conf} prints them.
 *
 * @param clientPort the plain client port, -1 when there is none (as Apache reports it)
 * @param dataDir the snapshot folder from zoo.cfg (the files are in its {@code version-2} folder)
 * @param dataLogDir the transaction log folder from zoo.cfg (likewise)
 * @param tickTimeMs zoo.cfg's {@code tickTime}
 * @param maxClientCnxns connections allowed per client address, 0 for no limit
 * @param minSessionTimeoutMs the smallest session timeout granted
 * @param maxSessionTimeoutMs the largest session timeout granted
 * @param serverId {@code myid}, 0 for a standalone server
 * @param quorumConfiguration the ensemble's lines of {@code conf} ({@code initLimit=...}, {@code server.N=...}),
 *     each ending in a line break; empty for a standalone server
 */
public record ServingConfiguration(int clientPort, Path dataDir, Path dataLogDir, int tickTimeMs,
        int maxClientCnxns, int minSessionTimeoutMs, int maxSessionTimeoutMs, long serverId,
        String quorumConfiguration) {
}
