package dev.menagerie.config.impl;

import dev.menagerie.api.config.StrategyTargets;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceListener;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the zoo.cfg named by the framework property {@value #CONFIG_PROPERTY}, publishes it as a
 * {@code ServerConfig} service and the strategy choices as Configuration Admin targets, and polls the file for
 * edits. Without the property it does nothing, so a framework can run without a server.
 */
@Component(immediate = true, service = {})
public final class ConfigComponent {

    static final String CONFIG_PROPERTY = "menagerie.config";
    static final String POLL_PROPERTY = "menagerie.config.pollMs";
    static final String EXIT_PROPERTY = "menagerie.exitOnConfigError";
    static final long DEFAULT_POLL_MS = 2000;

    private static final Logger LOG = LoggerFactory.getLogger(ConfigComponent.class);

    private final ConfigPublisher publisher;
    private final ScheduledExecutorService watcher;
    private BundleContext context;
    private ServiceListener strategyListener;

    @Activate
    public ConfigComponent(BundleContext context, @Reference(name = "configAdmin") ConfigurationAdmin configAdmin) {
        String file = context.getProperty(CONFIG_PROPERTY);
        if (file == null || file.isBlank()) {
            LOG.info("Framework property {} is not set: no zoo.cfg is read and no ServerConfig is published",
                    CONFIG_PROPERTY);
            publisher = null;
            watcher = null;
            return;
        }
        publisher = new ConfigPublisher(Path.of(file.trim()), new ConfigParser(ConfigParser.jvmProperties()),
                new FrameworkSink(context, configAdmin));
        if (!publisher.start() && Boolean.parseBoolean(context.getProperty(EXIT_PROPERTY))) {
            exitInvalidConfig();
            watcher = null;
            return;
        }
        long pollMs = pollMs(context.getProperty(POLL_PROPERTY));
        watcher = Executors.newSingleThreadScheduledExecutor(ConfigComponent::daemonThread);
        watcher.scheduleWithFixedDelay(publisher::reloadIfChanged, pollMs, pollMs, TimeUnit.MILLISECONDS);
        this.context = context;
        strategyListener = event -> retryLater();
        try {
            context.addServiceListener(strategyListener, StrategyTargets.servicesFilter());
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("the strategy filter is built from interface names", e);
        }
    }

    private void retryLater() {
        try {
            watcher.execute(publisher::strategiesChanged);
        } catch (RejectedExecutionException stopping) {
            // deactivated meanwhile
        }
    }

    @Deactivate
    void deactivate() {
        if (strategyListener != null) {
            context.removeServiceListener(strategyListener);
        }
        if (watcher != null) {
            watcher.shutdownNow();
        }
        if (publisher != null) {
            publisher.stop();
        }
    }

    private static long pollMs(String text) {
        if (text == null) {
            return DEFAULT_POLL_MS;
        }
        try {
            long pollMs = Long.parseLong(text.trim());
            if (pollMs > 0) {
                return pollMs;
            }
        } catch (NumberFormatException e) {
            // fall through to the warning
        }
        LOG.warn("Framework property {}=\"{}\" is not a positive number of milliseconds; using {}", POLL_PROPERTY,
                text, DEFAULT_POLL_MS);
        return DEFAULT_POLL_MS;
    }

    /**
     * Exits from another thread: exiting inside activation would wait for shutdown hooks that may in turn wait
     * for the framework, which is busy activating us.
     */
    private static void exitInvalidConfig() {
        Thread exit = new Thread(() -> System.exit(ConfigCheck.EXIT_INVALID_CONFIG), "menagerie-config-exit");
        exit.start();
    }

    private static Thread daemonThread(Runnable task) {
        Thread thread = new Thread(task, "menagerie-config-watcher");
        thread.setDaemon(true);
        return thread;
    }
}
