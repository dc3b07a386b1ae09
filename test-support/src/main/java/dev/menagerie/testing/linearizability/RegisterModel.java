package dev.menagerie.testing.linearizability;

/**
 * A znode's data and version as a sequential register: a write stores its value and increments the version, a
 * compare-and-set does so only at its expected version, a read changes nothing. The state is packed into a long
 * (version in the high half, value in the low half) so the search can memoise it cheaply.
 */
final class RegisterModel {

    /** No state: the operation cannot take effect now, or its answer contradicts the state. */
    static final long IMPOSSIBLE = Long.MIN_VALUE;

    private RegisterModel() {
    }

    static long state(int value, int version) {
        return ((long) version << 32) | (value & 0xffff_ffffL);
    }

    static int value(long state) {
        return (int) state;
    }

    static int version(long state) {
        return (int) (state >>> 32);
    }

    /** The state after {@code op} takes effect in {@code state}, or {@link #IMPOSSIBLE}. */
    static long step(long state, RegisterOp op) {
        int version = version(state);
        long written = state(op.argument(), version + 1);
        boolean unknown = op.outcome() == RegisterOp.Outcome.UNKNOWN;
        return switch (op.kind()) {
            case READ -> unknown || (op.seenValue() == value(state) && op.seenVersion() == version) ? state
                    : IMPOSSIBLE;
            case WRITE -> unknown || op.seenVersion() == version + 1 ? written : IMPOSSIBLE;
            case CAS -> switch (op.outcome()) {
                case OK -> op.expectedVersion() == version && op.seenVersion() == version + 1 ? written
                        : IMPOSSIBLE;
                case FAILED -> op.expectedVersion() != version ? state : IMPOSSIBLE;
                case UNKNOWN -> op.expectedVersion() == version ? written : state;
            };
        };
    }
}
