package dev.menagerie.server.impl.tree;

/**
 * What a node's {@code ephemeralOwner} encodes, decided as Apache ZooKeeper's {@code EphemeralType.get} does.
 *
 * <p>With extended types enabled, an owner whose high byte is 0xFF is an extended type; the two bytes below
 * it select the feature, and only feature 0 (TTL) exists. With extended types disabled such an owner is just a
 * session id (NORMAL), which is how Apache treats it too.
 */
public enum NodeKind {
    /** Persistent: owner 0. */
    VOID,
    /** Ephemeral: owner is the session id. */
    NORMAL,
    /** Container: owner {@link Long#MIN_VALUE}. */
    CONTAINER,
    /** Persistent with TTL: owner is 0xFF in the high byte, the TTL in milliseconds in the 40 low bits. */
    TTL;

    static final long CONTAINER_OWNER = Long.MIN_VALUE;
    private static final long EXTENDED_MASK = 0xFF00_0000_0000_0000L;
    private static final long RESERVED_BITS_MASK = 0x00FF_FF00_0000_0000L;
    private static final long TTL_FEATURE_BITS = 0L;
    /** The TTL bits of an extended owner: everything below the high byte and the two feature bytes. */
    static final long TTL_VALUE_MASK = ~(EXTENDED_MASK | RESERVED_BITS_MASK);

    /**
     * The kind of a node with this owner. An extended owner with an unknown feature makes Apache throw; we call
     * it NORMAL so that applying a transaction never fails halfway.
     */
    public static NodeKind of(long ephemeralOwner, boolean extendedTypesEnabled) {
        if (extendedTypesEnabled && (ephemeralOwner & EXTENDED_MASK) == EXTENDED_MASK
                && (ephemeralOwner & RESERVED_BITS_MASK) == TTL_FEATURE_BITS) {
            return TTL;
        }
        if (ephemeralOwner == CONTAINER_OWNER) {
            return CONTAINER;
        }
        return ephemeralOwner == 0 ? VOID : NORMAL;
    }

    /** The owner that marks a TTL node, or an IllegalArgumentException for a TTL outside 1..2^40-1 ms. */
    public static long ttlOwner(long ttlMs) {
        if (ttlMs <= 0 || ttlMs > TTL_VALUE_MASK) {
            throw new IllegalArgumentException("ttl must be positive and cannot be larger than: " + TTL_VALUE_MASK);
        }
        return EXTENDED_MASK | TTL_FEATURE_BITS | ttlMs;
    }

    /** The TTL in milliseconds held by a TTL owner. */
    public static long ttlMs(long ephemeralOwner) {
        return ephemeralOwner & TTL_VALUE_MASK;
    }
}
