package dev.menagerie.api.storage;

import java.io.IOException;

/**
 * The storage can no longer be trusted: a write or fsync of the transaction log failed for a reason other than a
 * full disk, so what is on disk is unknown. Every later append fails with it too. The server stops (fail-stop), as
 * Apache's does when its log thread dies; a full disk is not this, its failed appends fail with a plain
 * {@link IOException} and later ones succeed once there is room.
 *
 * @since 1.2
 */
public class StorageFailedException extends IOException {

    private static final long serialVersionUID = 1L;

    public StorageFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
