package dev.menagerie.api.status;

/**
 * The newest snapshot this server wrote or loaded since it started, as the admin command {@code last_snapshot}
 * reports it.
 *
 * @param zxid the zxid the snapshot is named after, -1 before the first
 * @param timestampS when it was written (or, for a loaded one, the file's modification time), in epoch seconds;
 *     -1 before the first
 */
public record SnapshotStatus(long zxid, long timestampS) {

    /** Before the server wrote or loaded any snapshot. */
    public static final SnapshotStatus NONE = new SnapshotStatus(-1, -1);
}
