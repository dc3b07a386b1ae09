package dev.menagerie.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Scrapes a Prometheus {@code /metrics} endpoint and reads its text format (0.0.4) as Prometheus does. */
public final class PrometheusText {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PrometheusText() {
    }

    /** A GET of {@code http://127.0.0.1:port<path>}. */
    public static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The text of {@code /metrics} on {@code port}; anything but 200 fails, with the answer. */
    public static String scrape(int port) throws IOException, InterruptedException {
        HttpResponse<String> response = get(port, "/metrics");
        if (response.statusCode() != 200) {
            throw new AssertionError("/metrics answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** Family names and their types, from the {@code # TYPE} lines. */
    public static Map<String, String> types(String text) {
        Map<String, String> types = new TreeMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                String[] parts = line.split(" ");
                types.put(parts[2], parts[3]);
            }
        }
        return types;
    }

    /** Sample lines by their name and labels as written ({@code readlatency{quantile="0.5",}}), with their values. */
    public static Map<String, Double> samples(String text) {
        Map<String, Double> samples = new TreeMap<>();
        for (String line : text.split("\n")) {
            if (!line.isEmpty() && !line.startsWith("#")) {
                int space = line.lastIndexOf(' ');
                samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return samples;
    }

    /** The names of the samples, without labels ({@code readlatency_sum}). */
    public static Set<String> sampleNames(String text) {
        Set<String> names = new TreeSet<>();
        samples(text).keySet().forEach(sample -> names.add(sample.split("\\{", 2)[0]));
        return names;
    }
}
