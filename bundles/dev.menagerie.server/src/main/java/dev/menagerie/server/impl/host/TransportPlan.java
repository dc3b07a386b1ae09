package dev.menagerie.server.impl.host;

import dev.menagerie.api.config.HostPort;
import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.transport.TransportSettings;

/**
 * What the client transport is asked to listen with, derived from zoo.cfg. A value with plain fields, so that a
 * configuration change that leaves it equal does not restart the transport.
 */
public record TransportPlan(HostPort clientAddress, HostPort secureClientAddress, int maxFrameBytes, TlsPlan tls) {

    /**
     * A client frame may be as long as {@code jute.maxbuffer}, header included: Apache closes a connection whose
     * frame declares more.
     *
     * @throws IllegalArgumentException naming an {@code ssl.*} key whose value cannot be honoured
     */
    public static TransportPlan from(ServerConfig config) {
        return new TransportPlan(config.clientAddress().orElse(null), config.secureClientAddress().orElse(null),
                config.juteMaxBufferBytes(), TlsPlan.from(config));
    }

    public TransportSettings settings() {
        return new TransportSettings(clientAddress, secureClientAddress, maxFrameBytes,
                tls == null ? null : tls.settings());
    }
}
