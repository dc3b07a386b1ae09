package dev.menagerie.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** An operator asks the admin endpoint how the runtime is doing, as with Apache ZooKeeper's /commands. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AdminEndpointTest extends MenagerieTestSupport {

    private static final int HTTP_TIMEOUT_MS = 2_000;
    private static final Pattern EMPTY_UNSATISFIED = Pattern.compile("\"unsatisfied_components\"\\s*:\\s*\\[\\s*]");

    @Test
    public void runtimeStatusReportsEveryBundleActiveAndNoUnsatisfiedComponent() {
        String port = zooCfg().get("admin.serverPort").orElseThrow();
        String url = "http://127.0.0.1:" + port + "/commands/runtime_status";

        // Components settle on other threads after start-up; ask until the answer is healthy, then check it.
        AtomicReference<String> lastAnswer = new AtomicReference<>("no answer");
        String body = Await.until(() -> "a healthy answer from " + url + "; last: " + lastAnswer.get(), TIMEOUT,
                () -> {
                    String answer = getOrNull(url, lastAnswer);
                    return answer != null && isHealthy(answer) ? answer : null;
                });

        long total = numberField(body, "bundles_total");
        assertEquals(body, total, numberField(body, "bundles_active"));
        assertEquals("bundles_total counts what the framework has installed", context.getBundles().length, total);
        assertTrue(body, EMPTY_UNSATISFIED.matcher(body).find());
        assertTrue("a quorum zoo.cfg was published: " + body, body.contains("\"quorum\""));
    }

    private static boolean isHealthy(String body) {
        return numberField(body, "bundles_active") == numberField(body, "bundles_total")
                && EMPTY_UNSATISFIED.matcher(body).find();
    }

    private static long numberField(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }

    /** The body of a 200 answer, or null (with the reason kept in {@code lastAnswer}) while the server is not up. */
    private static String getOrNull(String url, AtomicReference<String> lastAnswer) {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) new URL(url).openConnection();
            connection.setConnectTimeout(HTTP_TIMEOUT_MS);
            connection.setReadTimeout(HTTP_TIMEOUT_MS);
            int status = connection.getResponseCode();
            try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                lastAnswer.set("HTTP " + status + " " + body);
                return status == HttpURLConnection.HTTP_OK ? body : null;
            }
        } catch (IOException e) {
            lastAnswer.set(e.toString());
            return null;
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }
}
