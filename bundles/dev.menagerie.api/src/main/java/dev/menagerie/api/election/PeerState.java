package dev.menagerie.api.election;

/** The role of a quorum peer; {@link #wireCode()} is the value election notifications carry. */
public enum PeerState {
    LOOKING(0),
    FOLLOWING(1),
    LEADING(2),
    OBSERVING(3);

    private final int wireCode;

    PeerState(int wireCode) {
        this.wireCode = wireCode;
    }

    public int wireCode() {
        return wireCode;
    }

    /** The state for a wire code, or null for a code no version of the protocol defines. */
    public static PeerState fromWireCode(int code) {
        for (PeerState state : values()) {
            if (state.wireCode == code) {
                return state;
            }
        }
        return null;
    }
}
