package dev.menagerie.server.impl.tree;

/**
 * The tree digest after a transaction, as the snapshot's digest section stores it.
 *
 * @param zxid the transaction after which the digest was taken, 0 when none was (an "empty" digest)
 * @param digestVersion the digest algorithm, 2 for Apache ZooKeeper 3.6+
 * @param digest the tree digest
 */
public record ZxidDigest(long zxid, int digestVersion, long digest) {
    /** What Apache writes when no transaction has been applied since the tree was created or loaded. */
    public static final ZxidDigest EMPTY = new ZxidDigest(0, NodeDigest.DIGEST_VERSION, 0);
}
