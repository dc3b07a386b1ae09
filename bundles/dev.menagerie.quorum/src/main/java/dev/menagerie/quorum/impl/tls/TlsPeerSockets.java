package dev.menagerie.quorum.impl.tls;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.election.PeerSockets;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apache's quorum TLS on the election and quorum ports. With {@code sslQuorum} every dialled connection is TLS and
 * every accepted one must be; with {@code portUnification} accepted connections may be either (the first bytes
 * tell), and dialled ones are TLS only if {@code sslQuorum} is on too: the rolling upgrade Apache documents.
 */
public final class TlsPeerSockets implements PeerSockets {

    private static final Logger LOG = LoggerFactory.getLogger(TlsPeerSockets.class);
    /** Apache 3.9's default suites on Java 9 and later, in its order; those the JDK lacks are left out. */
    private static final List<String> DEFAULT_CIPHER_SUITES = List.of(
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
            "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
            "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256");

    private final QuorumTlsSettings settings;
    private final CertFiles certFiles;

    TlsPeerSockets(QuorumTlsSettings settings) throws IOException {
        assert settings.tlsInUse() : "plaintext needs no TLS sockets";
        this.settings = settings;
        this.certFiles = new CertFiles(settings);
    }

    /** The sockets zoo.cfg asks for: plaintext, or TLS with {@code sslQuorum} or {@code portUnification}. */
    public static PeerSockets of(ServerConfig config) throws IOException {
        return of(QuorumTlsSettings.from(config));
    }

    static PeerSockets of(QuorumTlsSettings settings) throws IOException {
        if (!settings.tlsInUse()) {
            return PeerSockets.PLAINTEXT;
        }
        LOG.info("Quorum connections: {} dialled, {} accepted{}", settings.sslQuorum() ? "TLS" : "plaintext",
                settings.portUnification() ? "TLS and plaintext" : "TLS only",
                settings.reloadCertFiles() ? "; certificate files are re-read when they change" : "");
        return new TlsPeerSockets(settings);
    }

    @Override
    public Socket dialled(Socket connected) throws IOException {
        if (!settings.sslQuorum()) {
            return connected;
        }
        InetSocketAddress peer = (InetSocketAddress) connected.getRemoteSocketAddress();
        SSLSocket socket = configured((SSLSocket) certFiles.current().getSocketFactory().createSocket(connected,
                peer.getHostString(), peer.getPort(), true), true);
        try {
            socket.startHandshake();
            return socket;
        } catch (SSLException e) {
            throw new SSLException("TLS handshake with " + peer + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Accepted accepted(Socket accepted) throws IOException {
        int readTimeoutMs = accepted.getSoTimeout();
        accepted.setSoTimeout(settings.handshakeDetectionTimeoutMs());
        InputStream raw = accepted.getInputStream();
        byte[] head = raw.readNBytes(TlsRecords.HEADER_BYTES);
        if (!TlsRecords.startsHandshake(head)) {
            if (!settings.portUnification()) {
                throw new SSLException("a plaintext connection on a TLS-only port (sslQuorum=true without"
                        + " portUnification): the peer does not use quorum TLS");
            }
            accepted.setSoTimeout(readTimeoutMs);
            return new Accepted(accepted, new SequenceInputStream(new ByteArrayInputStream(head), raw));
        }
        SSLContext context = certFiles.current();
        SSLSocket socket = configured((SSLSocket) context.getSocketFactory().createSocket(accepted,
                new ByteArrayInputStream(head), true), false);
        try {
            socket.startHandshake();
        } catch (SSLException e) {
            throw new SSLException("TLS handshake failed: " + e.getMessage(), e);
        }
        socket.setSoTimeout(readTimeoutMs);
        return new Accepted(socket, socket.getInputStream());
    }

    private SSLSocket configured(SSLSocket socket, boolean dialling) {
        SSLParameters parameters = socket.getSSLParameters();
        List<String> supported = Arrays.asList(socket.getSupportedCipherSuites());
        List<String> suites = settings.cipherSuites() != null ? settings.cipherSuites()
                : DEFAULT_CIPHER_SUITES.stream().filter(supported::contains).toList();
        parameters.setCipherSuites(suites.toArray(new String[0]));
        if (settings.enabledProtocols() != null) {
            parameters.setProtocols(settings.enabledProtocols().toArray(new String[0]));
        }
        if (!dialling) {
            switch (settings.clientAuth()) {
                case NEED -> parameters.setNeedClientAuth(true);
                case WANT -> parameters.setWantClientAuth(true);
                case NONE -> parameters.setNeedClientAuth(false);
            }
        }
        socket.setSSLParameters(parameters);
        socket.setUseClientMode(dialling);
        return socket;
    }
}
