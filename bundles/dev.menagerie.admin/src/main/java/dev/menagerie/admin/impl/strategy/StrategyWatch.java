package dev.menagerie.admin.impl.strategy;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.config.StrategyTargets;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says in the log when a role zoo.cfg selects has no bundle providing its type: at start, after a strategy bundle
 * stops, and again when one arrives. It looks a moment after a change to the configuration or to the registered
 * strategies, and not before the framework has raised its start level to that of every installed bundle (the
 * launcher starts bundles level by level after the framework itself is active), so bundles that are merely still
 * starting are not reported.
 */
@Component(immediate = true, service = {})
public final class StrategyWatch implements ServiceListener {

    /** How long the registry must be quiet before a look. */
    static final long SETTLE_MS = 1500;

    private static final Logger LOG = LoggerFactory.getLogger(StrategyWatch.class);

    private final BundleContext context;
    private final StrategyInventory inventory;
    private final MissingStrategyLog log = new MissingStrategyLog();
    private final ScheduledExecutorService looks = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "menagerie-strategy-watch");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean lookPending = new AtomicBoolean();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, bind = "bindConfig", unbind = "unbindConfig")
    private volatile ServerConfig config;

    @Activate
    public StrategyWatch(BundleContext context,
            @Reference(name = "componentRuntime") ServiceComponentRuntime componentRuntime) {
        this.context = context;
        this.inventory = new FrameworkStrategyInventory(context, componentRuntime);
    }

    @Activate
    void activate() throws InvalidSyntaxException {
        context.addServiceListener(this, StrategyTargets.servicesFilter());
        lookSoon();
    }

    @Deactivate
    void deactivate() {
        context.removeServiceListener(this);
        looks.shutdownNow();
    }

    void bindConfig(ServerConfig bound) {
        config = bound;
        lookSoon();
    }

    void unbindConfig(ServerConfig unbound) {
        if (config == unbound) {
            config = null;
        }
    }

    @Override
    public void serviceChanged(ServiceEvent event) {
        lookSoon();
    }

    private void lookSoon() {
        if (lookPending.compareAndSet(false, true)) {
            try {
                looks.schedule(this::look, SETTLE_MS, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                lookPending.set(false);
            }
        }
    }

    private void look() {
        lookPending.set(false);
        try {
            if (context.getBundle(0).getState() == Bundle.STOPPING) {
                return;
            }
            if (!bundlesStarted()) {
                lookSoon();
                return;
            }
            for (MissingStrategyLog.Line line : log.look(config, inventory)) {
                if (line.error()) {
                    LOG.error("{}", line.text());
                } else {
                    LOG.info("{}", line.text());
                }
            }
        } catch (IllegalStateException stopping) {
            // the bundle context became invalid while the framework stops
        }
    }

    /**
     * Whether the framework's start level reached that of every installed bundle. While the framework stops,
     * strategies go away with everything else and nothing is said.
     */
    private boolean bundlesStarted() {
        int highest = 0;
        for (Bundle bundle : context.getBundles()) {
            BundleStartLevel level = bundle.adapt(BundleStartLevel.class);
            if (level != null) {
                highest = Math.max(highest, level.getStartLevel());
            }
        }
        return context.getBundle(0).adapt(FrameworkStartLevel.class).getStartLevel() >= highest;
    }
}
