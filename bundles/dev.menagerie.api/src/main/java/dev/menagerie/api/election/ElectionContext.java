package dev.menagerie.api.election;

import dev.menagerie.api.config.QuorumMember;
import dev.menagerie.api.quorum.QuorumVerifier;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** What an election needs to know about the local peer; the quorum peer implements it. */
@ProviderType
public interface ElectionContext {

    long myId();

    List<QuorumMember> members();

    QuorumVerifier verifier();

    /** The peer's role now; a peer that leads or follows answers LOOKING peers with {@link #currentVote()}. */
    PeerState state();

    /** The vote the peer stands by now: its last election result, or its own candidacy while looking. */
    Vote currentVote();

    /** The zxid of the last transaction in the local log. */
    long lastLoggedZxid();

    /** The epoch this peer last acknowledged as leader's (the {@code currentEpoch} file). */
    long currentEpoch();

    /** How election-port connections are dialled and accepted: plaintext unless the peer configures TLS. */
    default PeerSockets peerSockets() {
        return PeerSockets.PLAINTEXT;
    }

    /** How new election-port connections are authenticated: not at all unless the peer configures quorum SASL. */
    default PeerAuthenticator peerAuthenticator() {
        return PeerAuthenticator.NONE;
    }
}
