package dev.menagerie.it.process.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.menagerie.testing.Await;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Fetches one admin command from an Apache ZooKeeper server and a Menagerie server and lists where the answers
 * differ: the HTTP status, and the JSON shape (keys, recursively, with their value types), less the differences
 * {@link AllowedDifferences} allows.
 */
final class AdminComparison {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    private final ObjectMapper json = new ObjectMapper();

    /** The command URL of a server on 127.0.0.1, to which command names are appended. */
    static URI base(int adminPort) {
        return URI.create("http://127.0.0.1:" + adminPort + "/commands/");
    }

    /** Waits until the admin server answers {@code ruok} without an error (it serves). */
    void awaitServing(URI base, Duration timeout, Object server) {
        Await.untilNoException("the admin server of " + server + " at " + base + " to answer ruok", timeout, () -> {
            HttpResponse<String> response = send(base.resolve("ruok"), "GET");
            JsonNode body = json.readTree(response.body());
            if (response.statusCode() != 200 || !body.path("error").isNull()) {
                throw new IllegalStateException("ruok answered " + response.statusCode() + " " + response.body());
            }
            return body;
        });
    }

    /** @param call a command name, with a query string when it takes arguments */
    List<String> differences(String call, String method, URI apacheBase, URI menagerieBase) throws Exception {
        String command = call.contains("?") ? call.substring(0, call.indexOf('?')) : call;
        HttpResponse<String> expected = send(apacheBase.resolve(call), method);
        HttpResponse<String> actual = send(menagerieBase.resolve(call), method);
        String where = method + " " + call;
        List<String> differences = new ArrayList<>();
        if (expected.statusCode() != actual.statusCode()
                && !AllowedDifferences.allows(command, AllowedDifferences.STATUS)) {
            differences.add(where + ": HTTP " + actual.statusCode() + ", Apache " + expected.statusCode());
        }
        Set<String> dataKeyed = AllowedDifferences.dataKeyed(command);
        Map<String, String> apacheShape = JsonShape.of(parse(expected, "Apache", where), dataKeyed);
        Map<String, String> menagerieShape = JsonShape.of(parse(actual, "Menagerie", where), dataKeyed);
        Set<String> paths = new TreeSet<>(apacheShape.keySet());
        paths.addAll(menagerieShape.keySet());
        for (String path : paths) {
            String want = apacheShape.getOrDefault(path, "absent");
            String got = menagerieShape.getOrDefault(path, "absent");
            if (!want.equals(got) && !AllowedDifferences.allows(command, path)
                    && !(AllowedDifferences.onlyMenagerieKeysCompared(command) && got.equals("absent"))) {
                differences.add(where + ": " + path + " is " + got + ", Apache: " + want);
            }
        }
        return differences;
    }

    /** The JSON answer of one server, for assertions on values. */
    JsonNode get(URI base, String call) throws IOException, InterruptedException {
        HttpResponse<String> response = send(base.resolve(call), "GET");
        return parse(response, base.toString(), "GET " + call);
    }

    private JsonNode parse(HttpResponse<String> response, String server, String where) throws IOException {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(server + " answered " + where + " with HTTP " + response.statusCode()
                    + " and a body that is not JSON: " + response.body(), e);
        }
    }

    private HttpResponse<String> send(URI uri, String method) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher body = "POST".equals(method) ? HttpRequest.BodyPublishers.ofString("")
                : HttpRequest.BodyPublishers.noBody();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).method(method, body).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
