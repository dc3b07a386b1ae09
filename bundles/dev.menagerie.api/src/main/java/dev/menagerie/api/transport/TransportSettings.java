package dev.menagerie.api.transport;

import dev.menagerie.api.config.HostPort;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a connection factory needs to listen.
 *
 * @param clientAddress the plain listening address, or null for none
 * @param secureClientAddress the TLS listening address, or null for none
 * @param maxFrameBytes the largest frame accepted ({@code jute.maxbuffer} plus room for headers)
 * @param tls key and trust stores for the secure address, or null when TLS is not configured
 */
public record TransportSettings(HostPort clientAddress, HostPort secureClientAddress, int maxFrameBytes,
        Tls tls) {

    /**
     * Key and trust material in the formats Java's KeyStore reads (JKS, PKCS12, PEM where the provider reads it).
     */
    public record Tls(Path keyStore, char[] keyStorePassword, String keyStoreType, Path trustStore,
            char[] trustStorePassword, String trustStoreType, boolean needClientAuth) {
    }

    public Optional<Tls> tlsSettings() {
        return Optional.ofNullable(tls);
    }
}
