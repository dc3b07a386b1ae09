package dev.menagerie.api.transport;

import dev.menagerie.api.config.HostPort;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a connection factory needs to listen.
 *
 * @param clientAddress the plain listening address, or null for none
 * @param secureClientAddress the TLS listening address, or null for none
 * @param maxFrameBytes the largest frame accepted ({@code jute.maxbuffer} plus room for headers)
 * @param tls key and trust stores for the secure address (and for the plain address when it also accepts TLS),
 *            or null when TLS is not configured
 */
public record TransportSettings(HostPort clientAddress, HostPort secureClientAddress, int maxFrameBytes,
        Tls tls) {

    /** Whether a TLS client is asked for a certificate, and whether it must send one. */
    public enum ClientAuth {
        /** No certificate is asked for. */
        NONE,
        /** A certificate is asked for; a client without one is still served. */
        WANT,
        /** A client without a trusted certificate fails the handshake. */
        NEED
    }

    /**
     * How TLS connections are made. Store types are {@code JKS}, {@code PKCS12} or {@code PEM} (certificates and a
     * PKCS#8 or PKCS#1 RSA private key in one file).
     *
     * @param keyStore the server's key and certificate chain
     * @param trustStore the certificates client certificates must chain to; null: the JDK's default CAs, and a
     *                   client that presents a certificate is refused, as nothing of ours vouches for it
     * @param enabledProtocols the protocols a handshake may use, or null for the JDK's defaults
     * @param cipherSuites the cipher suites a handshake may use, or null for the JDK's defaults
     * @param checkRevocation check client certificates against CRLs ({@code crl}) and OCSP ({@code ocsp})
     * @param verifyClientHostname a client certificate must name the client's address (IP, or with
     *                             {@code allowReverseDnsLookup} its reverse-DNS host name)
     * @param watchStores reload the stores as soon as their files change, not only when the next connection
     *                    notices it
     * @param plainPortAcceptsTls the plain client port also accepts TLS clients, told apart by their first bytes
     * @since 1.1
     */
    public record Tls(Path keyStore, char[] keyStorePassword, String keyStoreType, Path trustStore,
            char[] trustStorePassword, String trustStoreType, ClientAuth clientAuth, List<String> enabledProtocols,
            List<String> cipherSuites, Revocation checkRevocation, boolean verifyClientHostname,
            boolean allowReverseDnsLookup, boolean watchStores, boolean plainPortAcceptsTls) {

        /** The 1.0 form: certificates required, or asked for when there is a trust store; JDK defaults otherwise. */
        public Tls(Path keyStore, char[] keyStorePassword, String keyStoreType, Path trustStore,
                char[] trustStorePassword, String trustStoreType, boolean needClientAuth) {
            this(keyStore, keyStorePassword, keyStoreType, trustStore, trustStorePassword, trustStoreType,
                    needClientAuth ? ClientAuth.NEED : trustStore == null ? ClientAuth.NONE : ClientAuth.WANT, null,
                    null, Revocation.NONE, false, false, false, false);
        }

        public boolean needClientAuth() {
            return clientAuth == ClientAuth.NEED;
        }
    }

    /**
     * Which revocation sources a client certificate is checked against.
     *
     * @since 1.1
     */
    public enum Revocation {
        NONE,
        /** CRLs only (the certificates' distribution points), with no OCSP fallback. */
        CRL,
        /** OCSP, falling back to CRLs. */
        OCSP
    }

    public Optional<Tls> tlsSettings() {
        return Optional.ofNullable(tls);
    }
}
