package dev.menagerie.protocol;

/**
 * Node types of {@code CreateRequest.flags}, numbered as in Apache ZooKeeper's {@code CreateMode}, with the
 * validity rules Apache's server applies to a create.
 */
public enum CreateMode {
    PERSISTENT(0),
    EPHEMERAL(1),
    PERSISTENT_SEQUENTIAL(2),
    EPHEMERAL_SEQUENTIAL(3),
    /** 3.5.1: deleted by the server once its last child is gone. */
    CONTAINER(4),
    /** 3.5.3: deleted once unmodified and childless for its TTL. */
    PERSISTENT_WITH_TTL(5),
    /** 3.5.3 */
    PERSISTENT_SEQUENTIAL_WITH_TTL(6);

    /** The largest TTL in milliseconds: the 40 low bits of an extended ephemeralOwner (about 34 years). */
    public static final long MAX_TTL_MS = 0xFF_FFFF_FFFFL;
    /** The ephemeralOwner of a container node. */
    public static final long CONTAINER_EPHEMERAL_OWNER = Long.MIN_VALUE;
    /** The high byte that marks an extended (TTL) ephemeralOwner. */
    public static final long EXTENDED_EPHEMERAL_OWNER_MASK = 0xFF00_0000_0000_0000L;

    private static final CreateMode[] BY_FLAG = values();

    private final int flag;

    CreateMode(int flag) {
        this.flag = flag;
    }

    /** The number on the wire. */
    public int flag() {
        return flag;
    }

    public boolean isEphemeral() {
        return this == EPHEMERAL || this == EPHEMERAL_SEQUENTIAL;
    }

    public boolean isSequential() {
        return this == PERSISTENT_SEQUENTIAL || this == EPHEMERAL_SEQUENTIAL || this == PERSISTENT_SEQUENTIAL_WITH_TTL;
    }

    public boolean isContainer() {
        return this == CONTAINER;
    }

    public boolean isTTL() {
        return this == PERSISTENT_WITH_TTL || this == PERSISTENT_SEQUENTIAL_WITH_TTL;
    }

    /** The mode with this flag, or null (Apache answers BADARGUMENTS) if the flag is not 0..6. */
    public static CreateMode fromFlag(int flag) {
        return flag >= 0 && flag < BY_FLAG.length ? BY_FLAG[flag] : null;
    }

    /**
     * Checks a create as Apache's server does: TTL modes need extended types enabled (else UNIMPLEMENTED)
     * and a TTL in 1..{@link #MAX_TTL_MS}; every other mode needs a negative TTL, which is what a create
     * without a TTL carries (-1). Anything else is BADARGUMENTS.
     *
     * @param ttlMs the request's TTL, -1 for requests that have none
     */
    public ErrorCode validate(long ttlMs, boolean extendedTypesEnabled) {
        if (isTTL()) {
            if (!extendedTypesEnabled) {
                return ErrorCode.UNIMPLEMENTED;
            }
            return ttlMs > 0 && ttlMs <= MAX_TTL_MS ? ErrorCode.OK : ErrorCode.BADARGUMENTS;
        }
        return ttlMs < 0 ? ErrorCode.OK : ErrorCode.BADARGUMENTS;
    }

    /** The ephemeralOwner that marks a TTL node: high byte 0xFF, then the TTL. */
    public static long ttlEphemeralOwner(long ttlMs) {
        if (ttlMs <= 0 || ttlMs > MAX_TTL_MS) {
            throw new IllegalArgumentException("ttl must be in 1.." + MAX_TTL_MS + " ms: " + ttlMs);
        }
        return EXTENDED_EPHEMERAL_OWNER_MASK | ttlMs;
    }
}
