package dev.menagerie.quorum.impl.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.quorum.QuorumVerifier;
import dev.menagerie.api.quorum.QuorumVerifierFactory;
import dev.menagerie.quorum.impl.zab.RecordedMetrics;
import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** The Declarative Services glue, driven the way SCR drives it: bind, activate, rebind, deactivate. */
class ActiveQuorumVerifierTest {

    /** Live registrations of the fake framework, in the order they were made. */
    private final List<Map<String, Object>> live = Collections.synchronizedList(new ArrayList<>());
    private final List<Object> services = Collections.synchronizedList(new ArrayList<>());

    @Test
    void registersTheBuiltVerifierAsAServiceAndWithdrawsItOnDeactivate() {
        RecordedMetrics metrics = new RecordedMetrics();
        ActiveQuorumVerifier component = new ActiveQuorumVerifier(metrics.registry());
        StubFactory factory = new StubFactory();
        component.bindServerConfig(VerifierConfigs.quorum(5, ServerConfig.DEFAULT_VERIFIER, 3));
        component.bindVerifier(factory, Map.of(QuorumVerifierFactory.TYPE, ServerConfig.DEFAULT_VERIFIER));
        component.activate(fakeContext(), targets(5));

        assertEquals(List.of(Map.of(QuorumVerifierFactory.TYPE, "majority", ServerConfig.REVISION, 5L)), live);
        assertSame(factory, assertInstanceOf(StubFactory.StubVerifier.class, services.get(0)).builtBy());

        component.unbindVerifier(factory);
        assertEquals(List.of(), live, "no factory, no verifier");
        component.bindVerifier(new StubFactory(), Map.of(QuorumVerifierFactory.TYPE, "majority"));
        assertEquals(1, live.size());
        assertEquals(1, metrics.count("verifier_strategy_swaps"), "the new factory's verifier is a swap");
        component.deactivate();
        assertEquals(List.of(), live);
    }

    private static ActiveQuorumVerifier.Targets targets(long revision) {
        return new ActiveQuorumVerifier.Targets() {
            @Override
            public long menagerie_config_revision() {
                return revision;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return ActiveQuorumVerifier.Targets.class;
            }
        };
    }

    private BundleContext fakeContext() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("registerService") && args[0] == QuorumVerifier.class) {
                        return register(args[1], (Dictionary<?, ?>) args[2]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private ServiceRegistration<?> register(Object service, Dictionary<?, ?> dictionary) {
        Map<String, Object> properties = new java.util.HashMap<>();
        for (Object key : Collections.list(dictionary.keys())) {
            properties.put((String) key, dictionary.get(key));
        }
        live.add(properties);
        services.add(service);
        return (ServiceRegistration<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServiceRegistration.class}, (proxy, method, args) -> {
                    if (method.getName().equals("unregister")) {
                        live.remove(properties);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
