package dev.menagerie.admin.impl.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.menagerie.admin.impl.command.AdminAuthorization;
import dev.menagerie.api.admin.AdminPage;
import dev.menagerie.api.admin.AdminPageRequest;
import dev.menagerie.api.admin.AdminPageResponse;
import dev.menagerie.api.status.AdminAccess;
import dev.menagerie.api.status.ServerStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one {@link AdminPage} under its mount path: turns the exchange into an {@link AdminPageRequest} and sends
 * the page's {@link AdminPageResponse}. The JDK matches contexts by string prefix, so {@code /consoleX} reaches
 * this handler too and is answered 404 here.
 */
final class PageHandler implements HttpHandler {

    static final int HTTP_NOT_FOUND = 404;
    static final int HTTP_TOO_LARGE = 413;
    static final int HTTP_INTERNAL_ERROR = 500;

    private static final Logger LOG = LoggerFactory.getLogger(PageHandler.class);

    private final String mountPath;
    private final AdminPage page;
    private final Supplier<ServerStatus> status;

    PageHandler(String mountPath, AdminPage page, Supplier<ServerStatus> status) {
        this.mountPath = mountPath;
        this.page = page;
        this.status = status;
    }

    AdminPage page() {
        return page;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            send(exchange, answer(exchange));
        } catch (IOException e) {
            LOG.debug("Admin page response not sent: {}", e.toString());
        } finally {
            exchange.close();
        }
    }

    private AdminPageResponse answer(HttpExchange exchange) throws IOException {
        String path = Objects.requireNonNullElse(exchange.getRequestURI().getPath(), "");
        String rest = path.length() >= mountPath.length() ? path.substring(mountPath.length()) : path;
        if (!rest.isEmpty() && !rest.startsWith("/")) {
            return AdminPageResponse.text(HTTP_NOT_FOUND, "Not found\n");
        }
        byte[] body = readBody(exchange.getRequestBody());
        if (body == null) {
            return AdminPageResponse.text(HTTP_TOO_LARGE, "Request body over " + AdminPageRequest.MAX_BODY_BYTES
                    + " bytes\n");
        }
        Request request = new Request(exchange, rest.isEmpty() ? "/" : rest, body, status);
        try {
            return page.handle(request);
        } catch (RuntimeException e) {
            LOG.warn("Admin page {} failed on {} {}", mountPath, exchange.getRequestMethod(), path, e);
            return AdminPageResponse.text(HTTP_INTERNAL_ERROR, "Internal error\n");
        }
    }

    /** The body, or null when it is longer than the limit. */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(AdminPageRequest.MAX_BODY_BYTES + 1);
        return body.length > AdminPageRequest.MAX_BODY_BYTES ? null : body;
    }

    private static void send(HttpExchange exchange, AdminPageResponse response) throws IOException {
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        if ("HEAD".equals(exchange.getRequestMethod()) || response.body().length == 0) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(response.status(), response.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(response.body());
        }
    }

    private record Request(HttpExchange exchange, String subPath, byte[] body, Supplier<ServerStatus> status)
            implements AdminPageRequest {

        @Override
        public String method() {
            return exchange.getRequestMethod();
        }

        @Override
        public Map<String, String> parameters() {
            return QueryParameters.parse(exchange.getRequestURI());
        }

        @Override
        public Optional<String> header(String name) {
            return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        @Override
        public String remoteAddress() {
            return exchange.getRemoteAddress().getAddress().getHostAddress();
        }

        @Override
        public AdminAccess authorization() {
            return AdminAuthorization.check(exchange.getRequestHeaders().getFirst("Authorization"), remoteAddress(),
                    status.get());
        }
    }
}
