package dev.menagerie.quorum.impl.verifier;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.config.StrategyTargets;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.quorum.QuorumVerifier;
import dev.menagerie.api.quorum.QuorumVerifierFactory;
import java.util.Hashtable;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Registers the QuorumVerifier for the configured ensemble, built by the factory that zoo.cfg's
 * {@code quorumVerifier} selects (through the {@code verifier.target} filter of the strategy targets). The service
 * carries {@code type} and {@code menagerie.config.revision}; it follows factory bundles that come and go and
 * zoo.cfg edits, and is absent in standalone mode.
 */
@Component(immediate = true, configurationPid = StrategyTargets.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class ActiveQuorumVerifier {

    /** The part of the strategy targets record this component reads; the config bundle owns the record. */
    public @interface Targets {
        /** The ServerConfig revision these targets were written for; -1 when the record does not say. */
        long menagerie_config_revision() default VerifierInputs.UNKNOWN_REVISION;
    }

    /** The registry's counter set of hand-overs per strategy role, which the server bundle also counts in. */
    static final String SWAPS = "strategy_swaps";

    private final VerifierPublisher publisher;
    private volatile BundleContext context;

    @Activate
    public ActiveQuorumVerifier(@Reference(name = "metrics") MetricsRegistry metrics) {
        publisher = new VerifierPublisher(this::register, new VerifierLog(metrics.counterSet(SWAPS)));
    }

    @Activate
    void activate(BundleContext bundleContext, Targets targets) {
        context = bundleContext;
        publisher.activate(targets.menagerie_config_revision());
    }

    @Modified
    void modified(Targets targets) {
        publisher.targetsRevision(targets.menagerie_config_revision());
    }

    @Deactivate
    void deactivate() {
        publisher.close();
    }

    @Reference(name = StrategyTargets.VERIFIER, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "unbindVerifier")
    void bindVerifier(QuorumVerifierFactory factory, Map<String, Object> properties) {
        publisher.factoryBound(factory, String.valueOf(properties.get(QuorumVerifierFactory.TYPE)));
    }

    void unbindVerifier(QuorumVerifierFactory factory) {
        publisher.factoryUnbound(factory);
    }

    @Reference(name = "serverConfig", policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "unbindServerConfig")
    void bindServerConfig(ServerConfig config) {
        publisher.configBound(config);
    }

    void unbindServerConfig(ServerConfig config) {
        publisher.configUnbound(config);
    }

    /** Called only after activation, by the thread that applies changes. */
    private VerifierPublisher.Registration register(QuorumVerifier verifier, Map<String, Object> properties) {
        ServiceRegistration<QuorumVerifier> registration =
                context.registerService(QuorumVerifier.class, verifier, new Hashtable<>(properties));
        return () -> unregisterQuietly(registration);
    }

    private static void unregisterQuietly(ServiceRegistration<?> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // The bundle is stopping and the framework has unregistered it already.
        }
    }
}
