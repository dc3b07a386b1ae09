package dev.menagerie.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import dev.menagerie.api.config.ServerConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.namespace.HostNamespace;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/** With a valid quorum zoo.cfg, the whole runtime comes up: every bundle started, every component satisfied. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AllBundlesResolveTest extends MenagerieTestSupport {

    private static final Set<Integer> HEALTHY_STATES =
            Set.of(ComponentConfigurationDTO.ACTIVE, ComponentConfigurationDTO.SATISFIED);

    @Test
    public void everyBundleIsActiveAndEveryFragmentResolved() {
        for (String symbolicName : MenagerieOptions.MENAGERIE_BUNDLES) {
            bundle(symbolicName);
        }
        AtomicReference<List<String>> notStarted = new AtomicReference<>();
        Await.untilTrue(() -> "every bundle started; not yet: " + notStarted.get(), TIMEOUT, () -> {
            notStarted.set(bundlesNotInExpectedState());
            return notStarted.get().isEmpty();
        });
    }

    @Test
    public void everyMenagerieComponentIsSatisfied() {
        ServiceComponentRuntime scr =
                context.getService(Await.service(context, ServiceComponentRuntime.class, null, TIMEOUT));
        Bundle[] ours = Arrays.stream(context.getBundles())
                .filter(b -> b.getSymbolicName().startsWith(MenagerieOptions.SYMBOLIC_NAME_PREFIX))
                .toArray(Bundle[]::new);

        AtomicReference<List<String>> problems = new AtomicReference<>();
        Await.untilTrue(() -> "every component ACTIVE or SATISFIED; still: " + problems.get(), TIMEOUT, () -> {
            problems.set(unhealthyComponents(scr, ours));
            return problems.get().isEmpty();
        });

        Collection<ComponentDescriptionDTO> descriptions = scr.getComponentDescriptionDTOs(ours);
        Set<String> bundlesWithComponents = descriptions.stream()
                .map(d -> d.bundle.symbolicName)
                .collect(Collectors.toSet());
        assertTrue("the quorum bundle's components are among " + bundlesWithComponents,
                bundlesWithComponents.contains("dev.menagerie.quorum"));
        assertTrue("the config bundle's components are among " + bundlesWithComponents,
                bundlesWithComponents.contains("dev.menagerie.config"));
        for (String serverSide : List.of(MenagerieOptions.SERVER_BUNDLE, MenagerieOptions.NIO_TRANSPORT_BUNDLE,
                MenagerieOptions.NETTY_TRANSPORT_BUNDLE, "dev.menagerie.storage.file",
                "dev.menagerie.storage.memory", "dev.menagerie.election.fle", "dev.menagerie.election.priority")) {
            assertTrue(serverSide + "'s components are among " + bundlesWithComponents,
                    bundlesWithComponents.contains(serverSide));
        }
    }

    @Test
    public void nettysNativeEpollFragmentIsAttachedToItsHost() {
        Bundle fragment = bundle(MenagerieOptions.EPOLL_NATIVE_FRAGMENT);
        Await.untilTrue("the epoll fragment resolved", TIMEOUT, () -> fragment.getState() == Bundle.RESOLVED);
        List<String> hosts = fragment.adapt(BundleWiring.class).getRequiredWires(HostNamespace.HOST_NAMESPACE)
                .stream()
                .map(wire -> wire.getProvider().getSymbolicName())
                .toList();
        assertEquals(List.of(MenagerieOptions.EPOLL_CLASSES_BUNDLE), hosts);
    }

    /** The netty transport then serves clients over native epoll, as in the distribution, not its NIO fallback. */
    @Test
    public void nativeEpollLoadsInsideTheFramework() throws Exception {
        Class<?> epoll = bundle(MenagerieOptions.EPOLL_CLASSES_BUNDLE).loadClass("io.netty.channel.epoll.Epoll");
        boolean available = (Boolean) epoll.getMethod("isAvailable").invoke(null);
        Object cause = epoll.getMethod("unavailabilityCause").invoke(null);
        assertTrue("Epoll.isAvailable(); unavailability cause: " + cause, available);
    }

    @Test
    public void theConfigurationFromZooCfgIsPublished() {
        ServiceReference<ServerConfig> reference = currentServerConfig();
        ServerConfig config = context.getService(reference);
        assertEquals(zooCfg().path().toAbsolutePath().toString(),
                String.valueOf(reference.getProperty(ServerConfig.CONFIG_FILE)));
        assertFalse("three servers make a quorum, not a standalone server", config.standalone());
        assertEquals(List.of(1L, 2L, 3L), config.members().stream().map(m -> m.id()).toList());
        assertEquals(Long.valueOf(1), config.myId().orElse(null));
        awaitVerifier(ServerConfig.DEFAULT_VERIFIER);
    }

    private List<String> bundlesNotInExpectedState() {
        List<String> wrong = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            boolean fragment = (bundle.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
            int expected = fragment ? Bundle.RESOLVED : Bundle.ACTIVE;
            if (bundle.getState() != expected) {
                wrong.add(bundle.getSymbolicName() + " " + bundle.getHeaders().get(Constants.BUNDLE_VERSION)
                        + " state " + bundle.getState());
            }
        }
        return wrong;
    }

    private static List<String> unhealthyComponents(ServiceComponentRuntime scr, Bundle[] bundles) {
        List<String> problems = new ArrayList<>();
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundles)) {
            if (!scr.isComponentEnabled(description) || description.factory != null) {
                continue;
            }
            Collection<ComponentConfigurationDTO> configurations = scr.getComponentConfigurationDTOs(description);
            if (configurations.isEmpty()) {
                problems.add(description.name + ": no configuration");
            }
            for (ComponentConfigurationDTO configuration : configurations) {
                if (!HEALTHY_STATES.contains(configuration.state)) {
                    problems.add(describe(configuration));
                }
            }
        }
        return problems;
    }

    private static String describe(ComponentConfigurationDTO configuration) {
        String unsatisfied = Arrays.stream(configuration.unsatisfiedReferences)
                .map((UnsatisfiedReferenceDTO r) -> r.name + " " + r.target)
                .collect(Collectors.joining(", "));
        String failure = configuration.failure == null ? "" : " failure: " + configuration.failure.lines().findFirst()
                .orElse("");
        return configuration.description.name + " state " + stateName(configuration.state)
                + (unsatisfied.isEmpty() ? "" : " unsatisfied references: " + unsatisfied) + failure;
    }

    private static String stateName(int state) {
        return switch (state) {
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> "UNSATISFIED_CONFIGURATION";
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> "UNSATISFIED_REFERENCE";
            case ComponentConfigurationDTO.FAILED_ACTIVATION -> "FAILED_ACTIVATION";
            case ComponentConfigurationDTO.SATISFIED -> "SATISFIED";
            case ComponentConfigurationDTO.ACTIVE -> "ACTIVE";
            default -> "state " + state;
        };
    }
}
