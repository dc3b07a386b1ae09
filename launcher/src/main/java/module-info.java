/**
 * Runs Menagerie without an OSGi framework: {@code java -p lib/modules -m dev.menagerie.launcher <zoo.cfg>}. The
 * zoo.cfg parser, the metrics registry and every strategy come from the other modules through
 * {@link java.util.ServiceLoader}; the server runs as the embedded library runs it. Exports nothing.
 */
module dev.menagerie.launcher {
    requires dev.menagerie.api;
    requires dev.menagerie.server;
    requires org.slf4j;

    uses dev.menagerie.api.config.ConfigReader;
    uses dev.menagerie.api.metrics.MetricsRegistry;
    uses dev.menagerie.api.plugin.StrategyProvider;
}
