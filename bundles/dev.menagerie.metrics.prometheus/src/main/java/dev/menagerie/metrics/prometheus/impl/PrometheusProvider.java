package dev.menagerie.metrics.prometheus.impl;

import dev.menagerie.api.metrics.MetricsProvider;
import dev.menagerie.api.metrics.MetricsRegistry;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.hotspot.DefaultExports;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apache ZooKeeper's Prometheus metrics provider: the registry, and with {@code exportJvmInfo} the JVM's metrics
 * under the hotspot exports' names, as Prometheus text on {@code http://httpHost:httpPort/metrics}. Stopping the
 * provider, or its bundle, closes the port.
 */
@Component(property = {
    MetricsProvider.NAMES + "=prometheus",
    MetricsProvider.NAMES + "=org.apache.zookeeper.metrics.prometheus.PrometheusMetricsProvider"
})
public final class PrometheusProvider implements MetricsProvider {

    private static final Logger LOG = LoggerFactory.getLogger(PrometheusProvider.class);

    /**
     * The JVM exports, registered once per provider: they add listeners to the garbage collectors that cannot be
     * taken off, so a restarted provider (a zoo.cfg edit) reuses them.
     */
    private CollectorRegistry jvmCollectors;
    private MetricsEndpoint endpoint;

    @Override
    public synchronized void start(Map<String, String> settings, MetricsRegistry registry) throws IOException {
        EndpointSettings parsed = EndpointSettings.from(settings);
        stop();
        CollectorRegistry collectors = new CollectorRegistry(true);
        collectors.register(new RegistryCollector(registry));
        if (parsed.exportJvmInfo()) {
            collectors.register(new JvmCollectors(jvmCollectors()));
        }
        InetSocketAddress address = new InetSocketAddress(parsed.host(), parsed.port());
        try {
            endpoint = new MetricsEndpoint(address, collectors);
        } catch (IOException e) {
            throw new IOException("cannot serve /metrics on " + parsed.host() + ":" + parsed.port() + " ("
                    + "metricsProvider.httpHost and httpPort): " + e.getMessage(), e);
        }
        LOG.info("Serving /metrics at {}:{}, exportJvmInfo: {}", parsed.host(), endpoint.port(),
                parsed.exportJvmInfo());
    }

    /** The port /metrics listens on, or -1 while stopped (tests ask for port 0). */
    synchronized int port() {
        return endpoint == null ? -1 : endpoint.port();
    }

    private CollectorRegistry jvmCollectors() {
        if (jvmCollectors == null) {
            jvmCollectors = new CollectorRegistry(true);
            DefaultExports.register(jvmCollectors);
        }
        return jvmCollectors;
    }

    @Override
    @Deactivate
    public synchronized void stop() {
        if (endpoint != null) {
            endpoint.close();
            endpoint = null;
            LOG.info("/metrics closed");
        }
    }
}
