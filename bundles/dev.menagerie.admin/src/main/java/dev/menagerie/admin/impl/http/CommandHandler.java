package dev.menagerie.admin.impl.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsExchange;
import dev.menagerie.admin.impl.command.CommandRegistry;
import dev.menagerie.admin.impl.command.CommandRequest;
import dev.menagerie.admin.impl.command.CommandResponse;
import dev.menagerie.admin.impl.json.JsonWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code <commandUrl>/<name>} as JSON and {@code <commandUrl>} itself as an index of the commands. GET and
 * HEAD run any command, POST the commands that take it (as Apache's {@code restore}, which reads the request body
 * as it arrives). A response with a body file ({@code snapshot}) is sent as the file's bytes instead of the JSON.
 */
final class CommandHandler implements HttpHandler {

    static final String INDEX_COMMAND = "commands";
    /** Echoing a long unknown name back is pointless; the status code says enough. */
    static final int MAX_ECHOED_NAME_CHARS = 128;
    static final List<String> METHODS = List.of("GET", "HEAD", "POST");
    static final String NOT_THROUGH_ADMIN_PORT = "Connect to the admin port";

    private static final Logger LOG = LoggerFactory.getLogger(CommandHandler.class);

    /** Jetty's header with Apache's settings (a day, subdomains included), sent on every HTTPS response. */
    static final String STRICT_TRANSPORT_SECURITY = "max-age=86400; includeSubDomains";

    private final String basePath;
    private final CommandRegistry registry;
    private final ClientPeers peers;

    /**
     * @param basePath the normalized command URL ("" when commands live at the root)
     * @param peers tells the client's address and certificate chain
     */
    CommandHandler(String basePath, CommandRegistry registry, ClientPeers peers) {
        this.basePath = basePath;
        this.registry = registry;
        this.peers = peers;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            respond(exchange, route(exchange));
        } catch (IOException e) {
            // The client went away; nothing to tell it and nothing for the operator to fix.
            LOG.debug("Admin response not sent: {}", e.toString());
        } catch (RuntimeException e) {
            // A bug here: closing the exchange below drops the connection, and the server keeps serving others.
            LOG.warn("Admin request {} failed", exchange.getRequestURI(), e);
        } finally {
            exchange.close();
        }
    }

    private CommandResponse route(HttpExchange exchange) {
        String path = Objects.requireNonNullElse(exchange.getRequestURI().getPath(), "");
        // The JDK matches contexts by string prefix, so "/commandsX" also lands here.
        String rest = path.length() >= basePath.length() ? path.substring(basePath.length()) : path;
        if (!rest.isEmpty() && !rest.startsWith("/")) {
            return notFound(path);
        }
        String name = rest.length() <= 1 ? "" : rest.substring(1);
        String method = exchange.getRequestMethod();
        if (!METHODS.contains(method)) {
            exchange.getResponseHeaders().set("Allow", String.join(", ", METHODS));
            return CommandResponse.failed(clip(name), CommandResponse.HTTP_METHOD_NOT_ALLOWED,
                    "Method not allowed: " + clip(method) + " (use GET, HEAD or POST)");
        }
        Optional<ClientPeers.Peer> peer = peers.of(exchange);
        if (peer.isEmpty()) {
            LOG.warn("Admin request from {} refused: it reached an internal port of the unified admin port directly",
                    exchange.getRemoteAddress());
            return CommandResponse.failed(clip(name), CommandResponse.HTTP_FORBIDDEN, NOT_THROUGH_ADMIN_PORT);
        }
        if (name.isEmpty()) {
            return index();
        }
        CommandRequest request = new CommandRequest(method, QueryParameters.parse(exchange.getRequestURI()),
                exchange.getRequestHeaders().getFirst("Authorization"), peer.get().remoteAddress(), null,
                peer.get().certificateChain(), "POST".equals(method) ? exchange.getRequestBody() : null);
        CommandResponse response = registry.run(clip(name), request);
        if (response.httpStatus() == CommandResponse.HTTP_METHOD_NOT_ALLOWED) {
            registry.find(name).ifPresent(command -> exchange.getResponseHeaders().set("Allow",
                    String.join(", ", allowed(command.methods()))));
        }
        return response;
    }

    private CommandResponse notFound(String name) {
        return CommandResponse.failed(clip(name), CommandResponse.HTTP_NOT_FOUND, "Unknown command: " + clip(name));
    }

    private CommandResponse index() {
        Map<String, Object> links = new LinkedHashMap<>();
        for (String name : registry.primaryNames()) {
            links.put(name, basePath + "/" + name);
        }
        return CommandResponse.ok(INDEX_COMMAND, Map.of(INDEX_COMMAND, links));
    }

    /** The command's methods in the order of {@link #METHODS}; HEAD goes with GET. */
    private static List<String> allowed(java.util.Set<String> methods) {
        return METHODS.stream().filter(m -> methods.contains(m) || ("HEAD".equals(m) && methods.contains("GET")))
                .toList();
    }

    private static String clip(String text) {
        return text.length() <= MAX_ECHOED_NAME_CHARS ? text : text.substring(0, MAX_ECHOED_NAME_CHARS) + "...";
    }

    private static void respond(HttpExchange exchange, CommandResponse response) throws IOException {
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        if (exchange instanceof HttpsExchange) {
            exchange.getResponseHeaders().set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
        }
        if (response.body() != null) {
            stream(exchange, response);
            return;
        }
        byte[] body = (JsonWriter.pretty(response.toMap()) + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(response.httpStatus(), -1);
            return;
        }
        exchange.sendResponseHeaders(response.httpStatus(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Sends a file as Apache's StreamOutputter does, as it is on disk, with its length known up front. */
    private static void stream(HttpExchange exchange, CommandResponse response) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(response.httpStatus(), -1);
            return;
        }
        try (InputStream in = Files.newInputStream(response.body());
                OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(response.httpStatus(), Files.size(response.body()));
            in.transferTo(out);
        }
    }
}
