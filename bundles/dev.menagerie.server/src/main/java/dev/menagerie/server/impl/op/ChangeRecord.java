package dev.menagerie.server.impl.op;

import dev.menagerie.protocol.data.ACL;
import dev.menagerie.protocol.data.StatPersisted;
import dev.menagerie.server.impl.tree.DataTree;
import java.util.List;

/**
 * What a node will look like once the transactions prepared so far are applied (Apache's ChangeRecord). Prep
 * reads these before the tree, so a pipelined request sees the effect of the ones ahead of it. A record with
 * {@code exists == false} marks a node a pending transaction deletes. Each record also carries the tree digest
 * expected once its transaction is applied, which the log entry records as Apache's does.
 */
final class ChangeRecord {

    final long zxid;
    final String path;
    final boolean exists;
    long czxid;
    long mzxid;
    long ctime;
    long mtime;
    long pzxid;
    int version;
    int persistedCversion;
    int aversion;
    long ephemeralOwner;
    int childCount;
    List<ACL> acl;
    byte[] data;
    long treeDigestAfter;

    ChangeRecord(long zxid, String path, boolean exists) {
        this.zxid = zxid;
        this.path = path;
        this.exists = exists;
    }

    /** A copy stamped with a newer zxid, to be changed by the transaction that owns that zxid. */
    ChangeRecord duplicate(long newZxid) {
        ChangeRecord copy = new ChangeRecord(newZxid, path, exists);
        copy.czxid = czxid;
        copy.mzxid = mzxid;
        copy.ctime = ctime;
        copy.mtime = mtime;
        copy.pzxid = pzxid;
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

    /** This node's term in the tree digest; 0 for a deleted node. */
    long nodeDigest() {
        if (!exists) {
            return 0;
        }
        return DataTree.nodeDigest(path, data, new StatPersisted(czxid, mzxid, ctime, mtime, version,
                persistedCversion, aversion, ephemeralOwner, pzxid));
    }
}
