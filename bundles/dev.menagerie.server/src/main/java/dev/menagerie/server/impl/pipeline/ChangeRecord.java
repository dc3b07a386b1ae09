package dev.menagerie.server.impl.pipeline;

import dev.menagerie.protocol.data.ACL;
import java.util.List;

/**
 * What a node will look like once the transactions prepared so far are applied (Apache's ChangeRecord). Prep
 * reads these before the tree, so a pipelined request sees the effect of the ones ahead of it. A record with
 * {@code exists == false} marks a node a pending transaction deletes.
 */
final class ChangeRecord {

    final long zxid;
    final String path;
    final boolean exists;
    int version;
    int persistedCversion;
    int aversion;
    long ephemeralOwner;
    int childCount;
    List<ACL> acl;
    byte[] data;

    ChangeRecord(long zxid, String path, boolean exists) {
        this.zxid = zxid;
        this.path = path;
        this.exists = exists;
    }

    /** A copy stamped with a newer zxid, to be changed by the transaction that owns that zxid. */
    ChangeRecord duplicate(long newZxid) {
        ChangeRecord copy = new ChangeRecord(newZxid, path, exists);
        copy.version = version;
        copy.persistedCversion = persistedCversion;
        copy.aversion = aversion;
        copy.ephemeralOwner = ephemeralOwner;
        copy.childCount = childCount;
        copy.acl = acl;
        copy.data = data;
        return copy;
    }

    static ChangeRecord deleted(long zxid, String path) {
        return new ChangeRecord(zxid, path, false);
    }
}
