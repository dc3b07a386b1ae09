package dev.menagerie.api.status;

/**
 * Bytes of the regular files in the snapshot and transaction log folders (their {@code version-2} folders); 0 for
 * a folder that does not exist or cannot be listed.
 */
public record DiskUsage(long dataDirBytes, long dataLogDirBytes) {
}
