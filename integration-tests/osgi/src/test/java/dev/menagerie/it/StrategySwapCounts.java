package dev.menagerie.it;

import dev.menagerie.api.metrics.MetricVisitor;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.metrics.SummarySnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The {@code strategy_swaps} counts as an operator reads them: the admin endpoint's {@code monitor} command (the
 * JSON twin of {@code mntr}), one member {@code <role>_strategy_swaps} per role that has swapped. A server that does
 * not serve (an ensemble member without its quorum) answers no {@code monitor}: {@link #inRegistry} reads the
 * registry that mntr and monitor print.
 */
final class StrategySwapCounts {

    private static final int HTTP_TIMEOUT_MS = 2_000;

    private final String url;

    /** The registry's {@code strategy_swaps} count for {@code role}, 0 before its first swap. */
    static long inRegistry(BundleContext context, String role) {
        ServiceReference<MetricsRegistry> reference = context.getServiceReference(MetricsRegistry.class);
        MetricsRegistry registry = context.getService(reference);
        long[] swaps = new long[1];
        try {
            registry.read(new MetricVisitor() {
                @Override
                public void counter(String name, String key, long value) {
                    if ("strategy_swaps".equals(name) && role.equals(key)) {
                        swaps[0] = value;
                    }
                }

                @Override
                public void gauge(String name, String key, Number value) {
                }

                @Override
                public void summary(String name, String key, SummarySnapshot snapshot) {
                }
            });
        } finally {
            context.ungetService(reference);
        }
        return swaps[0];
    }

    /** @param adminPort the zoo.cfg {@code admin.serverPort} */
    StrategySwapCounts(String adminPort) {
        url = "http://127.0.0.1:" + adminPort + "/commands/monitor";
    }

    /** The count of {@code role}, 0 while the member is absent (a role appears at its first swap). */
    long of(String role) throws IOException {
        String monitor = monitor();
        Matcher member = Pattern.compile("\"" + role + "_strategy_swaps\"\\s*:\\s*(\\d+)").matcher(monitor);
        return member.find() ? Long.parseLong(member.group(1)) : 0;
    }

    /** Waits until {@code role}'s count is {@code expected}; components rebind on SCR's threads. */
    void await(String role, long expected) {
        Await.untilTrue(() -> role + "_strategy_swaps to be " + expected + " in " + url + "; it is " + describe(role),
                MenagerieTestSupport.TIMEOUT, () -> describe(role).equals(String.valueOf(expected)));
    }

    /** The count, or why it could not be read (the server may be restarting). */
    private String describe(String role) {
        try {
            return String.valueOf(of(role));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private String monitor() throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
        try {
            connection.setConnectTimeout(HTTP_TIMEOUT_MS);
            connection.setReadTimeout(HTTP_TIMEOUT_MS);
            int status = connection.getResponseCode();
            try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (status != HttpURLConnection.HTTP_OK) {
                    throw new IOException("HTTP " + status + " from " + url + ": " + body);
                }
                return body;
            }
        } finally {
            connection.disconnect();
        }
    }
}
