package dev.menagerie.launcher.impl;

import dev.menagerie.api.config.ConfigReader;
import dev.menagerie.api.config.InvalidConfigException;
import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.plugin.StrategyProvider;
import dev.menagerie.server.embed.ProvidedStrategies;
import dev.menagerie.server.embed.ProvidedStrategies.Source;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -p lib/modules -m dev.menagerie.launcher <zoo.cfg>}: reads zoo.cfg with the config module's parser,
 * refuses what only the OSGi runtime offers, picks each strategy by type among the modules' providers and runs a
 * standalone server or an ensemble member until SIGTERM. Exit status 2 (Apache's invalid-configuration code) with one
 * ERROR line for a bad or refused zoo.cfg or a type no module provides; 1 when the server cannot start.
 */
public final class ModulePathMain {

    static final int EXIT_INVALID_CONFIG = 2;
    static final int EXIT_CANNOT_START = 1;
    private static final Logger LOG = LoggerFactory.getLogger(ModulePathMain.class);

    private ModulePathMain() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            LOG.error("usage: java -p <modules> -m dev.menagerie.launcher <zoo.cfg>");
            System.exit(EXIT_INVALID_CONFIG);
        }
        ServerConfig config;
        List<StrategyProvider<?>> providers = providers();
        try {
            config = load(ServiceLoader.load(ConfigReader.class).findFirst().orElseThrow(() ->
                    new IllegalStateException("no module provides the zoo.cfg parser (dev.menagerie.config)")),
                    Path.of(args[0]), providers);
        } catch (InvalidConfigException e) {
            LOG.error("{}", e.getMessage());
            System.exit(EXIT_INVALID_CONFIG);
            return;
        }
        MetricsRegistry metrics = ServiceLoader.load(MetricsRegistry.class).findFirst().orElseThrow(() ->
                new IllegalStateException("no module provides the metrics registry (dev.menagerie.metrics)"));
        RunningServer server;
        try {
            server = RunningServer.start(config, new ProvidedStrategies(providers, config, Source.MODULE_PATH), metrics);
        } catch (Exception e) {
            LOG.error("The server did not start: {}", e.getMessage());
            System.exit(EXIT_CANNOT_START);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping on a signal");
            server.close();
            stopped.countDown();
        }, "menagerie-shutdown"));
        server.awaitStop(stopped);
    }

    /** The strategies of every module on the module path, in module path order. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static List<StrategyProvider<?>> providers() {
        List<StrategyProvider<?>> found = (List) ServiceLoader.load(StrategyProvider.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        return found;
    }

    /**
     * Parses {@code zooCfg} as the OSGi runtime does (the JVM's {@code zookeeper.*} properties as fallbacks) and
     * checks that the module path can run it.
     *
     * @throws InvalidConfigException with one line: the parser's, a refused key's or a missing strategy's
     */
    static ServerConfig load(ConfigReader reader, Path zooCfg, List<StrategyProvider<?>> providers)
            throws InvalidConfigException {
        Map<String, String> systemProperties = new HashMap<>();
        System.getProperties().stringPropertyNames().forEach(name ->
                systemProperties.put(name, System.getProperty(name)));
        ServerConfig config = reader.read(zooCfg, systemProperties);
        String refused = OsgiOnlyKeys.refusal(config, systemProperties).orElse(null);
        if (refused != null) {
            throw new InvalidConfigException(zooCfg.getFileName() + ": " + refused);
        }
        List<String> problems = ProvidedStrategies.problems(config, providers, Source.MODULE_PATH);
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(String.join("; ", problems));
        }
        return config;
    }
}
