package dev.menagerie.config.impl;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.config.StrategyTargets;
import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes through the framework: a service registration, a Configuration Admin record, system properties. */
final class FrameworkSink implements ConfigSink {

    private static final Logger LOG = LoggerFactory.getLogger(FrameworkSink.class);

    /** The service property strategies carry their type name in. */
    private static final String TYPE = "type";

    private final BundleContext context;
    private final ConfigurationAdmin configAdmin;

    FrameworkSink(BundleContext context, ConfigurationAdmin configAdmin) {
        this.context = context;
        this.configAdmin = configAdmin;
    }

    @Override
    public Runnable register(ParsedServerConfig config) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(ServerConfig.CONFIG_FILE, config.configFile().toString());
        properties.put(ServerConfig.REVISION, config.revision());
        properties.put(Constants.SERVICE_RANKING, (int) Math.min(Integer.MAX_VALUE, config.revision()));
        ServiceRegistration<ServerConfig> registration =
                context.registerService(ServerConfig.class, config, properties);
        return () -> unregister(registration);
    }

    private static void unregister(ServiceRegistration<?> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework already unregistered it while stopping our bundle
        }
    }

    @Override
    public void writeTargets(Map<String, String> targets, long revision) {
        Dictionary<String, Object> properties = new Hashtable<>(targets);
        properties.put(StrategyTargets.REVISION, revision);
        try {
            Configuration configuration = configAdmin.getConfiguration(StrategyTargets.PID, "?");
            configuration.updateIfDifferent(properties);
        } catch (IOException | IllegalStateException e) {
            LOG.error("Cannot write the strategy choices to Configuration Admin ({}): {}", StrategyTargets.PID,
                    e.getMessage());
        }
    }

    @Override
    public Set<String> installedTypes(String reference) {
        Set<String> types = new TreeSet<>();
        try {
            ServiceReference<?>[] services =
                    context.getAllServiceReferences(StrategyTargets.serviceInterface(reference), null);
            if (services != null) {
                for (ServiceReference<?> service : services) {
                    types.add(String.valueOf(service.getProperty(TYPE)));
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("a null filter cannot be invalid", e);
        }
        return types;
    }

    @Override
    public void setSystemProperties(Map<String, String> properties) {
        properties.forEach(System::setProperty);
    }
}
