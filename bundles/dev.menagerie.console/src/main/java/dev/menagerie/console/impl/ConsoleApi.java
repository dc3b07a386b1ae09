package dev.menagerie.console.impl;

import dev.menagerie.api.admin.AdminPageRequest;
import dev.menagerie.api.admin.AdminPageResponse;
import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.status.AdminAccess;
import dev.menagerie.api.status.NodeStatus;
import dev.menagerie.api.status.ServerStatus;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleApi.class);

    private final Supplier<ServerStatus> status;
    private final Supplier<ServerConfig> config;
    private final MetricsSampler sampler;
    private final Ensemble ensemble;
    private final ElectionWatch election;
    private final Runtime runtime;

    ConsoleApi(Supplier<ServerStatus> status, Supplier<ServerConfig> config, MetricsSampler sampler,
            Ensemble ensemble, ElectionWatch election, Runtime runtime) {
        this.status = status;
        this.config = config;
        this.sampler = sampler;
        this.ensemble = ensemble;
        this.election = election;
        this.runtime = runtime;
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
        map.put("strategies", runtime.strategies(config.get()));
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

    /** {@code role=<reference>&type=<type>}: sets the role's zoo.cfg key, which the config bundle then applies. */
    AdminPageResponse switchStrategy(AdminPageRequest request) {
        AdminAccess access = request.authorization();
        if (access != AdminAccess.GRANTED) {
            LOG.warn("Console strategy switch from {} refused: {}", request.remoteAddress(), access);
            return access == AdminAccess.NOT_AUTHORIZED
                    ? error(HTTP_FORBIDDEN, "not authorized: the root node's ACL must grant every permission")
                    : error(HTTP_UNAUTHORIZED, "switching a strategy needs credentials, as the snapshot command does");
        }
        Map<String, String> form = form(request.body());
        Optional<StrategyRole> role = StrategyRole.byReference(form.getOrDefault("role", ""));
        String type = form.getOrDefault("type", "");
        ServerConfig current = config.get();
        if (role.isEmpty()) {
            return error(HTTP_BAD_REQUEST, "unknown role " + form.get("role"));
        }
        if (current == null) {
            return error(HTTP_UNAVAILABLE, "no configuration is in force");
        }
        Optional<String> refusal = role.get().switchRefusal(current);
        if (refusal.isPresent()) {
            return error(HTTP_CONFLICT, refusal.get());
        }
        Set<String> installed = runtime.installedTypes(role.get());
        if (!installed.contains(type)) {
            return error(HTTP_CONFLICT, "no installed " + role.get().reference() + " has type '" + type
                    + "' (installed: " + String.join(", ", installed) + ")");
        }
        try {
            ConfigFileEdit.set(current.configFile(), role.get().configKey(), type);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Console strategy switch not written to {}: {}", current.configFile(), e.getMessage());
            return error(HTTP_UNAVAILABLE, "cannot edit " + current.configFile() + ": " + e.getMessage());
        }
        LOG.info("Console: {}={} written to {} at the request of {}", role.get().configKey(), type,
                current.configFile(), request.remoteAddress());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("role", role.get().reference());
        answer.put("type", type);
        answer.put("config_file", current.configFile().toString());
        return AdminPageResponse.json(HTTP_ACCEPTED, Json.write(answer));
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
