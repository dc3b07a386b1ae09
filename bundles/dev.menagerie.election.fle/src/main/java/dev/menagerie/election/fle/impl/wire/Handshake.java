package dev.menagerie.election.fle.impl.wire;

import dev.menagerie.api.config.HostPort;
import java.util.List;

/**
 * What the dialling peer of an election connection says first.
 *
 * @param protocolVersion {@link HandshakeCodec#PROTOCOL_VERSION_V1}, {@link HandshakeCodec#PROTOCOL_VERSION_V2},
 *     or {@link HandshakeCodec#LEGACY_PROTOCOL} when a 3.4 peer sent only its id
 * @param sid the dialling peer's server id; {@link HandshakeCodec#OBSERVER_ID} for an observer without an id
 * @param electionAddresses where the dialler listens for election connections; wildcard addresses are left out,
 *     and 3.4 peers send none
 */
public record Handshake(long protocolVersion, long sid, List<HostPort> electionAddresses) {

    public Handshake {
        electionAddresses = List.copyOf(electionAddresses);
    }

    /** True for the id observers without a server id use; the receiver gives each such connection its own id. */
    public boolean fromAnonymousObserver() {
        return sid == HandshakeCodec.OBSERVER_ID;
    }
}
