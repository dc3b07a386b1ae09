/**
 * One registry of the server's metrics, fed by every bundle that measures something (the request pipeline, the
 * quorum peer, the storage, the transports), and read by whatever reports them: {@code mntr}, the admin
 * {@code monitor} command, JMX, and the metrics provider an operator chooses.
 *
 * <p>The runtime registers one {@link dev.menagerie.api.metrics.MetricsRegistry} service. A bundle that measures
 * asks it for a {@link dev.menagerie.api.metrics.Counter}, {@link dev.menagerie.api.metrics.Summary} or gauge by
 * name, once, and then updates it on its hot path: updates are lock-free and never block. Names are Apache
 * ZooKeeper's metric names ({@code fsynctime}, {@code read_per_namespace}, ...), without the {@code zk_} prefix
 * {@code mntr} adds.
 *
 * <p>A {@link dev.menagerie.api.metrics.MetricsProvider} service exposes the registry to a monitoring system, for
 * example Prometheus on {@code /metrics}. The one named by {@code metricsProvider.className} in zoo.cfg is started
 * with the {@code metricsProvider.*} settings; providers are plugins, installed and swapped like any bundle.
 */
@Export
@Version("1.1.0")
package dev.menagerie.api.metrics;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
