package dev.menagerie.admin.impl.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import dev.menagerie.admin.impl.http.AdminTls.ClientChainCheck;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Who sent an admin request: the client's IP address (for the {@code ip} scheme) and, over HTTPS, the certificate
 * chain it presented (for {@code x509}). Behind the unified port the JDK server sees the port's own loopback
 * connection, so the client's address is looked up by that connection's port.
 */
final class ClientPeers {

    /**
     * A request's client.
     *
     * @param certificateChain leaf first; empty over plain HTTP, without a client certificate, or when the chain is
     *     not one the {@code x509} scheme may see
     */
    record Peer(String remoteAddress, List<X509Certificate> certificateChain) {
    }

    private final RelayedClients relayed;
    private final ClientChainCheck chainCheck;

    private ClientPeers(RelayedClients relayed, ClientChainCheck chainCheck) {
        this.relayed = relayed;
        this.chainCheck = chainCheck;
    }

    /** Clients connected to the JDK server itself. */
    static ClientPeers direct(ClientChainCheck chainCheck) {
        return new ClientPeers(null, chainCheck);
    }

    /** Clients whose connections the unified port relays; {@code lookup} returns null for one it did not relay. */
    static ClientPeers relayed(RelayedClients lookup, ClientChainCheck chainCheck) {
        return new ClientPeers(lookup, chainCheck);
    }

    /** The client, or empty when the connection did not come through the admin port (a local bypass). */
    Optional<Peer> of(HttpExchange exchange) {
        String address = relayed == null
                ? exchange.getRemoteAddress().getAddress().getHostAddress()
                : relayed.clientOf(exchange.getRemoteAddress().getPort(), exchange.getLocalAddress().getPort());
        if (address == null) {
            return Optional.empty();
        }
        List<X509Certificate> chain = exchange instanceof HttpsExchange https ? chain(https) : List.of();
        return Optional.of(new Peer(address, chain.isEmpty() || chainCheck.accepts(chain) ? chain : List.of()));
    }

    /** The relay's record of whom it connected to a loopback server, by the two ports of that connection. */
    @FunctionalInterface
    interface RelayedClients {
        /** The client's address, or null when the relay made no connection from {@code loopbackPort}. */
        String clientOf(int loopbackPort, int serverPort);
    }

    private static List<X509Certificate> chain(HttpsExchange exchange) {
        try {
            Certificate[] certificates = exchange.getSSLSession().getPeerCertificates();
            return Arrays.stream(certificates).filter(X509Certificate.class::isInstance)
                    .map(X509Certificate.class::cast).toList();
        } catch (SSLPeerUnverifiedException e) {
            return List.of(); // the client sent no certificate, or was not asked for one
        }
    }
}
