package dev.menagerie.admin.impl.command;

import dev.menagerie.api.status.ServerStatus;
import java.io.InputStream;
import java.util.Map;

/**
 * One call of a command: how it was asked for and the server it reports on.
 *
 * @param method {@code GET}, {@code HEAD} or {@code POST}
 * @param parameters the query parameters, the first value of each, as Apache ZooKeeper passes them on
 * @param authorization the {@code Authorization} header, null when absent
 * @param remoteAddress the client's IP address, for the {@code ip} authentication scheme
 * @param server the running server's status, null while no server runs (the registry fills it in)
 * @param body the request body of a POST (what {@code restore} loads), null when there is none
 */
public record CommandRequest(String method, Map<String, String> parameters, String authorization,
        String remoteAddress, ServerStatus server, InputStream body) {

    public static final String GET = "GET";
    public static final String HEAD = "HEAD";
    public static final String POST = "POST";
    /** The address of a request made in-process (tests, the Gogo shell). */
    public static final String LOOPBACK = "127.0.0.1";

    public CommandRequest {
        parameters = Map.copyOf(parameters);
    }

    /** A request without a body. */
    public CommandRequest(String method, Map<String, String> parameters, String authorization, String remoteAddress,
            ServerStatus server) {
        this(method, parameters, authorization, remoteAddress, server, null);
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
        return new CommandRequest(method, parameters, authorization, remoteAddress, status, body);
    }
}
