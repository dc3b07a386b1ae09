package dev.menagerie.metrics.prometheus.impl;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * {@code /metrics} on the JDK's HTTP server: GET and HEAD answer the Prometheus text format (0.0.4) of every
 * collector in the registry; other methods answer 405, other paths 404. One thread serves the scrapes.
 */
final class MetricsEndpoint implements AutoCloseable {

    static final String PATH = "/metrics";
    private static final int OK = 200;
    private static final int METHOD_NOT_ALLOWED = 405;
    private static final int NO_BODY = -1;

    private final HttpServer server;

    /** Listens at once; a taken port throws {@link java.net.BindException}. */
    MetricsEndpoint(InetSocketAddress address, CollectorRegistry collectors) throws IOException {
        server = HttpServer.create(address, 0);
        server.createContext(PATH, exchange -> answer(exchange, collectors));
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, CollectorRegistry collectors) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            boolean head = method.equals("HEAD");
            if (!head && !method.equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(METHOD_NOT_ALLOWED, NO_BODY);
                return;
            }
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            try (Writer writer = new OutputStreamWriter(text, StandardCharsets.UTF_8)) {
                TextFormat.write004(writer, collectors.metricFamilySamples());
            }
            exchange.getResponseHeaders().set("Content-Type", TextFormat.CONTENT_TYPE_004);
            if (head) {
                exchange.sendResponseHeaders(OK, NO_BODY);
                return;
            }
            exchange.sendResponseHeaders(OK, text.size());
            try (OutputStream body = exchange.getResponseBody()) {
                text.writeTo(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
