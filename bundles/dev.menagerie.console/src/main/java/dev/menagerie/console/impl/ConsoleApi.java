package dev.menagerie.console.impl;

import dev.menagerie.api.admin.AdminPageRequest;
import dev.menagerie.api.admin.AdminPageResponse;
import dev.menagerie.api.admin.StrategySwitchResult;
import dev.menagerie.api.admin.StrategySwitcher;
import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.status.AdminAccess;
import dev.menagerie.api.status.NodeStatus;
import dev.menagerie.api.status.ServerStatus;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON the console's script reads, and the one change it makes: switching a strategy, which needs the
 * credentials the admin {@code snapshot} command needs ({@link AdminPageRequest#authorization()}).
 */
final class ConsoleApi {

    static final int HTTP_OK = 200;
    static final int HTTP_ACCEPTED = 202;
    static final int HTTP_BAD_REQUEST = 400;
    static final int HTTP_UNAUTHORIZED = 401;
    static final int HTTP_FORBIDDEN = 403;
    static final int HTTP_NOT_FOUND = 404;
    static final int HTTP_CONFLICT = 409;
    static final int HTTP_UNAVAILABLE = 503;

    /** How long a switch waits for the new type to be bound: under the script's patience, over a transport swap. */
    static final long SWITCH_TIMEOUT_MS = 15_000;

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleApi.class);

    private final Supplier<ServerStatus> status;
    private final Supplier<ServerConfig> config;
    private final MetricsSampler sampler;
    private final Ensemble ensemble;
    private final ElectionWatch election;
    private final Runtime runtime;
    private final Supplier<StrategySwitcher> switcher;

    ConsoleApi(Supplier<ServerStatus> status, Supplier<ServerConfig> config, MetricsSampler sampler,
            Ensemble ensemble, ElectionWatch election, Runtime runtime, Supplier<StrategySwitcher> switcher) {
        this.status = status;
        this.config = config;
        this.sampler = sampler;
        this.ensemble = ensemble;
        this.election = election;
        this.runtime = runtime;
        this.switcher = switcher;
    }

    AdminPageResponse ensemble() {
        return ok(ensemble.toMap(status.get(), config.get(), election));
    }

    AdminPageResponse charts() {
        List<Map<String, Object>> points = new ArrayList<>();
        for (Sample sample : sampler.samples()) {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("t", sample.timeMs());
            point.put("ops", sample.opsPerSecond());
            point.put("latency_ms", sample.latencyMs());
            point.put("outstanding", sample.outstanding());
            points.add(point);
        }
        return ok(Map.<String, Object>of("period_ms", ConsolePage.SAMPLE_PERIOD_MS, "samples", points));
    }

    AdminPageResponse runtime() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("bundles", runtime.bundles());
        map.put("strategies", Runtime.strategies(switcher.get()));
        return ok(map);
    }

    AdminPageResponse node(AdminPageRequest request) {
        ServerStatus server = status.get();
        if (server == null) {
            return error(HTTP_UNAVAILABLE, "no server is running");
        }
        String path = request.parameters().getOrDefault("path", "/");
        Optional<NodeStatus> node = server.node(path);
        if (node.isEmpty()) {
            return error(HTTP_NOT_FOUND, "no node " + path);
        }
        return ok(NodeJson.toMap(node.get(), request.authorization() == AdminAccess.GRANTED));
    }

    AdminPageResponse access(AdminPageRequest request) {
        return ok(Map.<String, Object>of("access", request.authorization().name()));
    }

    /**
     * {@code role=<reference>&type=<type>}: switches through the admin bundle's {@link StrategySwitcher}, which
     * rewrites the role's zoo.cfg key and waits, at most {@value #SWITCH_TIMEOUT_MS} ms, until the new type is
     * bound. 200 once it is (or was already chosen), 202 when zoo.cfg was written but the type is not bound yet,
     * 409 when the switcher refused.
     */
    AdminPageResponse switchStrategy(AdminPageRequest request) {
        AdminAccess access = request.authorization();
        if (access != AdminAccess.GRANTED) {
            LOG.warn("Console strategy switch from {} refused: {}", request.remoteAddress(), access);
            return access == AdminAccess.NOT_AUTHORIZED
                    ? error(HTTP_FORBIDDEN, "not authorized: the root node's ACL must grant every permission")
                    : error(HTTP_UNAUTHORIZED, "switching a strategy needs credentials, as the snapshot command does");
        }
        StrategySwitcher service = switcher.get();
        if (service == null) {
            return error(HTTP_UNAVAILABLE, "the admin bundle's strategy switcher is not registered");
        }
        Map<String, String> form = form(request.body());
        String role = form.getOrDefault("role", "");
        String type = form.getOrDefault("type", "");
        StrategySwitchResult result;
        try {
            result = service.switchStrategy(role, type, SWITCH_TIMEOUT_MS);
        } catch (InterruptedException e) {
            // The admin server is stopping; zoo.cfg may be written, and the config bundle applies it regardless.
            Thread.currentThread().interrupt();
            return error(HTTP_UNAVAILABLE, "the admin server stopped while waiting for " + role + " to switch");
        }
        LOG.info("Console strategy switch of {} to {} at the request of {}: {}", role, type, request.remoteAddress(),
                result.outcome());
        int status = switch (result.outcome()) {
            case SWITCHED, UNCHANGED -> HTTP_OK;
            case NOT_BOUND -> HTTP_ACCEPTED;
            case REFUSED -> HTTP_CONFLICT;
        };
        if (status == HTTP_CONFLICT) {
            return error(status, result.message().replaceFirst("^Refused: ", ""));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("role", role);
        answer.put("type", type);
        answer.put("outcome", result.outcome().name());
        answer.put("message", result.message());
        return AdminPageResponse.json(status, Json.write(answer));
    }

    private static Map<String, String> form(byte[] body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                fields.putIfAbsent(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static AdminPageResponse ok(Map<String, Object> map) {
        return AdminPageResponse.json(HTTP_OK, Json.write(map));
    }

    private static AdminPageResponse error(int status, String message) {
        return AdminPageResponse.json(status, Json.write(Map.of("error", message)));
    }
}
