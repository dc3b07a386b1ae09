package dev.menagerie.it;

import static org.junit.Assert.assertNotNull;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.quorum.QuorumVerifier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import javax.inject.Inject;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * What every in-framework test shares: the runtime (from {@link MenagerieOptions}), the zoo.cfg it was started
 * with, and waits for the services that zoo.cfg produces.
 */
public abstract class MenagerieTestSupport {

    static final Duration TIMEOUT = Await.DEFAULT_TIMEOUT;
    /** Long enough for several config polls: a change that has not shown up by then is not coming. */
    static final Duration QUIET_WINDOW = Duration.ofMillis(5L * MenagerieOptions.CONFIG_POLL_MS);

    @Inject
    protected BundleContext context;

    @Configuration
    public Option[] configuration() {
        return MenagerieOptions.quorumOfThree();
    }

    protected ZooCfgFile zooCfg() {
        String location = context.getProperty(MenagerieOptions.CONFIG_FILE_PROPERTY);
        assertNotNull("framework property " + MenagerieOptions.CONFIG_FILE_PROPERTY, location);
        return new ZooCfgFile(Path.of(location));
    }

    protected Bundle bundle(String symbolicName) {
        return Arrays.stream(context.getBundles())
                .filter(b -> symbolicName.equals(b.getSymbolicName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("bundle " + symbolicName + " is not installed"));
    }

    /** The ServerConfig service with the highest revision, waiting for one if there is none yet. */
    protected ServiceReference<ServerConfig> currentServerConfig() {
        Await.service(context, ServerConfig.class, null, TIMEOUT);
        return Await.until("a ServerConfig service", TIMEOUT, this::newestServerConfigOrNull);
    }

    @SuppressWarnings("unchecked")
    protected ServiceReference<ServerConfig> newestServerConfigOrNull() {
        return (ServiceReference<ServerConfig>) Arrays.stream(Await.references(context, ServerConfig.class, null))
                .max(Comparator.comparingLong(MenagerieTestSupport::revision))
                .orElse(null);
    }

    /** Waits for a ServerConfig newer than {@code revision}. */
    protected ServiceReference<ServerConfig> awaitServerConfigAfter(long revision) {
        return Await.service(context, ServerConfig.class, revisionAbove(revision), TIMEOUT);
    }

    protected ServiceReference<QuorumVerifier> awaitVerifier(String type) {
        return Await.service(context, QuorumVerifier.class, "(type=" + type + ")", TIMEOUT);
    }

    protected ServiceReference<QuorumVerifier> awaitVerifierAfter(String type, long revision) {
        return Await.service(context, QuorumVerifier.class, "(&(type=" + type + ")" + revisionAbove(revision) + ")",
                TIMEOUT);
    }

    /**
     * Puts zoo.cfg back as the test class started with it and waits until the runtime reflects it again, so each
     * test method starts from the same state whatever ran before it.
     */
    protected void restoreBaselineConfig() {
        zooCfg().restoreBaseline();
        Await.untilTrue("the baseline zoo.cfg to be in force", TIMEOUT, () -> {
            ServiceReference<ServerConfig> newest = newestServerConfigOrNull();
            ServerConfig config = newest == null ? null : context.getService(newest);
            try {
                return config != null
                        && config.maxClientCnxns() == QuorumFixture.BASELINE_MAX_CLIENT_CNXNS
                        && ServerConfig.DEFAULT_VERIFIER.equals(config.verifierType());
            } finally {
                if (config != null) {
                    context.ungetService(newest);
                }
            }
        });
        awaitVerifier(ServerConfig.DEFAULT_VERIFIER);
    }

    static long revision(ServiceReference<?> reference) {
        Object value = reference.getProperty(ServerConfig.REVISION);
        assertNotNull("service property " + ServerConfig.REVISION + " on " + reference, value);
        return ((Number) value).longValue();
    }

    static String revisionAbove(long revision) {
        return "(" + ServerConfig.REVISION + ">=" + (revision + 1) + ")";
    }
}
