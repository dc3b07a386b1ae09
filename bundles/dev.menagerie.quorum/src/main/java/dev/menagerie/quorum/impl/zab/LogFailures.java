package dev.menagerie.quorum.impl.zab;

import dev.menagerie.api.replication.Replica;
import dev.menagerie.api.storage.StorageFailedException;

/**
 * A log append that failed: a full disk only ends the role (the peer elects again and the server may log later
 * appends), but a log the storage gave up on ({@link StorageFailedException}) stops the server, as Apache's
 * SyncRequestProcessor dying does.
 */
final class LogFailures {

    private LogFailures() {
    }

    /** @return the text the role ends with */
    static String report(Replica replica, String what, Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof StorageFailedException fatal) {
                replica.failStop("the transaction log cannot be written", fatal);
                break;
            }
        }
        return what + ": " + error;
    }
}
