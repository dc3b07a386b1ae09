package dev.menagerie.admin.impl.command;

import dev.menagerie.api.status.ServerStatus;
import java.io.InputStream;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

/**
 * One call of a command: how it was asked for and the server it reports on.
 *
 * @param method {@code GET}, {@code HEAD} or {@code POST}
 * @param parameters the query parameters, the first value of each, as Apache ZooKeeper passes them on
 * @param authorization the {@code Authorization} header, null when absent
 * @param remoteAddress the client's IP address, for the {@code ip} authentication scheme
 * @param server the running server's status, null while no server runs (the registry fills it in)
 * @param certificateChain the client's verified certificate chain, leaf first, for the {@code x509} scheme; empty
 *     over plain HTTP or when the client sent none
 * @param body the request body of a POST (what {@code restore} loads), null when there is none
 */
public record CommandRequest(String method, Map<String, String> parameters, String authorization,
        String remoteAddress, ServerStatus server, List<X509Certificate> certificateChain, InputStream body) {

    public static final String GET = "GET";
    public static final String HEAD = "HEAD";
    public static final String POST = "POST";
    /** The address of a request made in-process (tests, the Gogo shell). */
    public static final String LOOPBACK = "127.0.0.1";

    public CommandRequest {
        parameters = Map.copyOf(parameters);
        certificateChain = certificateChain == null ? List.of() : List.copyOf(certificateChain);
    }

    /** A request without a client certificate or a body. */
    public CommandRequest(String method, Map<String, String> parameters, String authorization,
            String remoteAddress, ServerStatus server) {
        this(method, parameters, authorization, remoteAddress, server, List.of(), null);
    }

    /** A request with a body and without a client certificate. */
    public CommandRequest(String method, Map<String, String> parameters, String authorization, String remoteAddress,
            ServerStatus server, InputStream body) {
        this(method, parameters, authorization, remoteAddress, server, List.of(), body);
    }

    /** A GET with the given query parameters and no authorization. */
    public static CommandRequest get(Map<String, String> parameters) {
        return new CommandRequest(GET, parameters, null, LOOPBACK, null);
    }

    /** A plain GET without parameters. */
    public static CommandRequest get() {
        return get(Map.of());
    }

    CommandRequest withServer(ServerStatus status) {
        return new CommandRequest(method, parameters, authorization, remoteAddress, status, certificateChain,
                body);
    }
}
