package dev.menagerie.it;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/**
 * With {@code metricsProvider.className=prometheus} in zoo.cfg, {@code /metrics} is served while the Prometheus
 * bundle runs: stopping the bundle closes the port and starting it opens it again, with no restart of the server.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MetricsEndpointFollowsThePrometheusBundleTest extends StandaloneTestSupport {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Override
    @Configuration
    public Option[] configuration() {
        int port;
        try {
            port = QuorumFixture.freeLoopbackPorts(1).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port for /metrics", e);
        }
        return MenagerieOptions.standalone("metricsProvider.className=prometheus", "metricsProvider.httpHost=127.0.0.1",
                "metricsProvider.httpPort=" + port);
    }

    @Test
    public void theEndpointComesAndGoesWithTheBundle() throws Exception {
        awaitServedBy(NIO);
        int port = Integer.parseInt(zooCfg().get("metricsProvider.httpPort").orElseThrow());
        String first = Await.until("/metrics on port " + port + " serving the server's znode_count", TIMEOUT,
                () -> served(port));
        assertTrue(first, first.contains("\n# TYPE znode_count gauge\n"));

        Bundle prometheus = bundle(MenagerieOptions.PROMETHEUS_BUNDLE);
        prometheus.stop();
        Await.untilTrue("port " + port + " closed once the bundle stopped", TIMEOUT, () -> scrape(port) == null);

        prometheus.start();
        String again = Await.until("/metrics back on port " + port + " after the bundle started", TIMEOUT,
                () -> served(port));
        assertTrue(again, again.contains("\n# TYPE readlatency summary\n"));
    }

    /** The body of a 200 answer; "" for another answer or a failed exchange; null when the port refuses. */
    private static String scrape(int port) {
        try {
            HttpResponse<String> response = CLIENT.send(request(port), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : "";
        } catch (ConnectException e) {
            return null;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static String served(int port) {
        String body = scrape(port);
        return body == null || body.isEmpty() ? null : body;
    }

    private static HttpRequest request(int port) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(5)).build();
    }
}
