package dev.menagerie.config.impl;

import dev.menagerie.api.config.HostPort;
import java.util.Optional;

/**
 * Whether this server runs alone or in a quorum, and what that decides.
 *
 * @param clientAddress the client address after merging {@code clientPort} with this server's own line
 */
record PeerMode(boolean standalone, Optional<Long> myId, int initLimitTicks, int syncLimitTicks,
        Optional<HostPort> clientAddress) {
}
