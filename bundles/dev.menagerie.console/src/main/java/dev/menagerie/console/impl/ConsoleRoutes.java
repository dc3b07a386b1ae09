package dev.menagerie.console.impl;

import dev.menagerie.api.admin.AdminPageRequest;
import dev.menagerie.api.admin.AdminPageResponse;
import java.util.Map;

/** Which part of the console a request under {@code /console} asks for. */
final class ConsoleRoutes {

    static final int HTTP_NOT_FOUND = 404;
    static final int HTTP_METHOD_NOT_ALLOWED = 405;

    private final Assets assets;
    private final ConsoleApi api;

    ConsoleRoutes(Assets assets, ConsoleApi api) {
        this.assets = assets;
        this.api = api;
    }

    AdminPageResponse route(AdminPageRequest request) {
        String path = request.subPath();
        String method = request.method();
        if ("/api/strategy".equals(path)) {
            return "POST".equals(method) ? api.switchStrategy(request) : notAllowed("POST");
        }
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return notAllowed("GET, HEAD");
        }
        return switch (path) {
            case "/" -> assets.get("index.html").orElseThrow();
            case "/api/ensemble" -> api.ensemble();
            case "/api/charts" -> api.charts();
            case "/api/runtime" -> api.runtime();
            case "/api/node" -> api.node(request);
            case "/api/access" -> api.access(request);
            default -> assets.get(path.substring(1))
                    .orElseGet(() -> AdminPageResponse.text(HTTP_NOT_FOUND, "No such console page\n"));
        };
    }

    private static AdminPageResponse notAllowed(String allowed) {
        return new AdminPageResponse(HTTP_METHOD_NOT_ALLOWED, AdminPageResponse.TEXT, Map.of("Allow", allowed),
                ("Method not allowed (use " + allowed + ")\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
