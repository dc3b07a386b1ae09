package dev.menagerie.api.status;

/**
 * One entry of the tree digest log that the admin command {@code hash} lists: the digest of the tree right after
 * transaction {@code zxid}. As Apache ZooKeeper, a server logs the digest after every transaction whose zxid is a
 * multiple of 128 and keeps the newest 1,024 entries.
 *
 * @param digestVersion the version of the digest calculation (Apache's is 2)
 */
public record LoggedDigest(long zxid, int digestVersion, long digest) {
}
