package dev.menagerie.api.status;

import java.util.List;

/**
 * One node of the data tree as {@link ServerStatus#node} reads it for monitoring tools (the web console's
 * browser): its data, its stat as clients see it, its children and its ACL, all taken at one moment.
 *
 * @param path the node's path
 * @param data a copy of the node's data
 * @param children the children's names, sorted
 * @param acl the node's ACL, in the order it was set
 * @param stat the node's stat
 */
public record NodeStatus(String path, byte[] data, List<String> children, List<AclEntry> acl, NodeStat stat) {

    public NodeStatus {
        data = data.clone();
        children = List.copyOf(children);
        acl = List.copyOf(acl);
    }

    /** A copy of the node's data. */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /**
     * One ACL entry.
     *
     * @param perms Apache's permission bits: read 1, write 2, create 4, delete 8, admin 16
     * @param scheme the id's scheme ({@code world}, {@code digest}, {@code ip}, ...)
     * @param id the id within the scheme ({@code anyone}, {@code user:hash}, ...)
     */
    public record AclEntry(int perms, String scheme, String id) {
    }

    /** The fields of Apache ZooKeeper's {@code Stat}, with its names and units (times in epoch milliseconds). */
    public record NodeStat(long czxid, long mzxid, long ctime, long mtime, int version, int cversion, int aversion,
            long ephemeralOwner, int dataLength, int numChildren, long pzxid) {
    }
}
