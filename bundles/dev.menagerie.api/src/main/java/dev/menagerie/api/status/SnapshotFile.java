package dev.menagerie.api.status;

import java.nio.file.Path;

/**
 * A snapshot file the server wrote on request, as the admin command {@code snapshot} streams it.
 *
 * @param zxid the zxid it is named after: the last transaction applied when it started
 * @param path the file, in Apache ZooKeeper's snapshot format (compressed when zoo.cfg asks for it)
 */
public record SnapshotFile(long zxid, Path path) {
}
