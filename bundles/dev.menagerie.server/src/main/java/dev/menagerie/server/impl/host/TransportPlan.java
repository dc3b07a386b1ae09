package dev.menagerie.server.impl.host;

import static dev.menagerie.server.impl.core.ServerSettings.setting;

import dev.menagerie.api.config.HostPort;
import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.transport.TransportSettings;
import java.nio.file.Path;

/**
 * What the client transport is asked to listen with, derived from zoo.cfg. A value with plain fields, so that a
 * configuration change that leaves it equal does not restart the transport.
 */
public record TransportPlan(HostPort clientAddress, HostPort secureClientAddress, int maxFrameBytes, TlsPlan tls) {

    /** Room for the request header on top of {@code jute.maxbuffer}. */
    static final int FRAME_OVERHEAD_BYTES = 1024;

    /** Apache's {@code ssl.*} settings, as text. */
    public record TlsPlan(String keyStore, String keyStorePassword, String keyStoreType, String trustStore,
            String trustStorePassword, String trustStoreType, String clientAuth) {
    }

    public static TransportPlan from(ServerConfig config) {
        TlsPlan tls = config.secureClientAddress().isPresent() ? tlsFrom(config) : null;
        return new TransportPlan(config.clientAddress().orElse(null), config.secureClientAddress().orElse(null),
                config.juteMaxBufferBytes() + FRAME_OVERHEAD_BYTES, tls);
    }

    public TransportSettings settings() {
        return new TransportSettings(clientAddress, secureClientAddress, maxFrameBytes, tls == null ? null
                : new TransportSettings.Tls(path(tls.keyStore), chars(tls.keyStorePassword), tls.keyStoreType,
                        path(tls.trustStore), chars(tls.trustStorePassword), tls.trustStoreType,
                        !"none".equalsIgnoreCase(tls.clientAuth) && !"want".equalsIgnoreCase(tls.clientAuth)));
    }

    private static TlsPlan tlsFrom(ServerConfig config) {
        return new TlsPlan(setting(config, "ssl.keyStore.location"), setting(config, "ssl.keyStore.password"),
                setting(config, "ssl.keyStore.type"), setting(config, "ssl.trustStore.location"),
                setting(config, "ssl.trustStore.password"), setting(config, "ssl.trustStore.type"),
                setting(config, "ssl.clientAuth"));
    }

    private static Path path(String value) {
        return value == null ? null : Path.of(value);
    }

    private static char[] chars(String value) {
        return value == null ? null : value.toCharArray();
    }
}
