package dev.menagerie.metrics.prometheus.impl;

import java.util.Map;
import java.util.Set;

/**
 * The {@code metricsProvider.*} settings of Apache ZooKeeper's Prometheus provider, with its defaults.
 *
 * @param host {@code httpHost}, the address to listen on ({@code 0.0.0.0}: every interface)
 * @param port {@code httpPort}
 * @param exportJvmInfo {@code exportJvmInfo}: also serve the JVM's metrics, as Apache's hotspot exports
 */
record EndpointSettings(String host, int port, boolean exportJvmInfo) {

    static final String HOST = "httpHost";
    static final String PORT = "httpPort";
    static final String EXPORT_JVM_INFO = "exportJvmInfo";
    /** Apache's keys for its queue of summary updates; our registry records on the caller's thread. */
    private static final Set<String> WORKER_KEYS = Set.of("numWorkerThreads", "maxQueueSize",
            "workerShutdownTimeoutMs");
    private static final int MAX_PORT = 65535;

    /**
     * Reads the settings as Apache does ({@code exportJvmInfo} is true only when it says {@code true}).
     *
     * @throws IllegalArgumentException naming the key, for a port that is not a port or a key Apache does not know
     */
    static EndpointSettings from(Map<String, String> settings) {
        for (String key : settings.keySet()) {
            if (!key.equals(HOST) && !key.equals(PORT) && !key.equals(EXPORT_JVM_INFO) && !WORKER_KEYS.contains(key)) {
                throw new IllegalArgumentException("metricsProvider." + key + " is not a setting of the Prometheus"
                        + " metrics provider (it knows " + HOST + ", " + PORT + " and " + EXPORT_JVM_INFO + ")");
            }
        }
        String host = settings.getOrDefault(HOST, "0.0.0.0");
        String port = settings.getOrDefault(PORT, "7000");
        int parsed;
        try {
            parsed = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("metricsProvider." + PORT + "=" + port + " is not a port number");
        }
        if (parsed < 0 || parsed > MAX_PORT) {
            throw new IllegalArgumentException("metricsProvider." + PORT + "=" + port + " is not a port number");
        }
        return new EndpointSettings(host, parsed, Boolean.parseBoolean(settings.getOrDefault(EXPORT_JVM_INFO,
                "true")));
    }
}
