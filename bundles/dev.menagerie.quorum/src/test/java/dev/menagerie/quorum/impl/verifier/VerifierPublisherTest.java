package dev.menagerie.quorum.impl.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.quorum.impl.verifier.StubFactory.StubVerifier;
import dev.menagerie.quorum.impl.verifier.VerifierPlan.Missing;
import dev.menagerie.quorum.impl.verifier.VerifierPlan.Publish;
import dev.menagerie.quorum.impl.verifier.VerifierPlan.Rejected;
import dev.menagerie.quorum.impl.verifier.VerifierPlan.Standalone;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VerifierPublisherTest {

    private static final String MAJORITY = ServerConfig.DEFAULT_VERIFIER;
    private static final String HIERARCHICAL = ServerConfig.HIERARCHICAL_VERIFIER;

    private final FakeRegistrar registry = new FakeRegistrar();
    private final RecordingListener log = new RecordingListener();
    private final VerifierPublisher publisher = new VerifierPublisher(registry, log);

    @BeforeEach
    void activate() {
        publisher.activate(VerifierInputs.UNKNOWN_REVISION);
    }

    private static StubFactory builder(FakeRegistrar.Live live) {
        return assertInstanceOf(StubVerifier.class, live.verifier()).builtBy();
    }

    @Test
    void registersTheVerifierWithItsTypeAndRevision() {
        StubFactory factory = new StubFactory();
        publisher.configBound(VerifierConfigs.quorum(3, MAJORITY, 5));
        publisher.factoryBound(factory, MAJORITY);
        FakeRegistrar.Live live = registry.only();
        assertEquals(MAJORITY, live.type());
        assertEquals(3L, live.revision());
        assertSame(factory, builder(live));
    }

    @Test
    void unbindingTheFactoryWithdrawsTheVerifierAndSaysSo() {
        StubFactory factory = new StubFactory();
        publisher.configBound(VerifierConfigs.quorum(1, MAJORITY, 3));
        publisher.factoryBound(factory, MAJORITY);
        publisher.factoryUnbound(factory);
        assertEquals(List.of(), registry.live());
        assertEquals(new Missing(MAJORITY), log.plans().get(log.plans().size() - 1));
    }

    @Test
    void anotherFactoryBindingRegistersItsVerifier() {
        StubFactory first = new StubFactory();
        StubFactory second = new StubFactory();
        publisher.configBound(VerifierConfigs.quorum(1, MAJORITY, 3));
        publisher.factoryBound(first, MAJORITY);
        publisher.factoryUnbound(first);
        publisher.factoryBound(second, MAJORITY);
        assertSame(second, builder(registry.only()));
        assertEquals(List.of("majority -> majority"), log.swaps(), "a restarted bundle's factory is a swap");
    }

    @Test
    void anotherTypeIsASwapButANewRevisionIsNot() {
        StubFactory majority = new StubFactory();
        StubFactory hierarchical = new StubFactory();
        publisher.configBound(VerifierConfigs.quorum(1, MAJORITY, 3));
        publisher.factoryBound(majority, MAJORITY);
        publisher.configBound(VerifierConfigs.quorum(2, MAJORITY, 5));
        assertEquals(List.of(), log.swaps(), "a reconfiguration rebuilds the verifier without swapping it");

        publisher.configBound(VerifierConfigs.quorum(3, HIERARCHICAL, 5));
        publisher.factoryBound(hierarchical, HIERARCHICAL);
        publisher.factoryUnbound(majority);

        assertEquals(List.of("majority -> hierarchical"), log.swaps());
    }

    @Test
    void aGreedyRebindKeepsTheNewFactorysVerifier() {
        // With a greedy reference, Declarative Services binds the better service before it unbinds the old one.
        StubFactory old = new StubFactory();
        StubFactory better = new StubFactory();
        publisher.factoryBound(old, MAJORITY);
        publisher.configBound(VerifierConfigs.quorum(1, MAJORITY, 3));
        publisher.factoryBound(better, MAJORITY);
        publisher.factoryUnbound(old);
        assertSame(better, builder(registry.only()));
        assertEquals(0, log.count(Missing.class), "no warning during a swap");
    }

    @Test
    void aNewConfigRevisionRebuildsBeforeTheOldVerifierGoes() {
        ServerConfig first = VerifierConfigs.quorum(1, MAJORITY, 3);
        ServerConfig second = VerifierConfigs.quorum(2, MAJORITY, 5);
        publisher.factoryBound(new StubFactory(), MAJORITY);
        publisher.configBound(first);
        publisher.configBound(second);
        publisher.configUnbound(first);
        FakeRegistrar.Live live = registry.only();
        assertEquals(2L, live.revision());
        assertEquals(second.members(), ((StubVerifier) live.verifier()).members());
        assertEquals(List.of("register 1", "register 2", "unregister 1"), registry.events());
    }

    @Test
    void aSwitchOfTypeWaitsForTheTargetsThenUsesTheNewFactory() {
        StubFactory majority = new StubFactory();
        StubFactory hierarchical = new StubFactory();
        ServerConfig first = VerifierConfigs.quorum(1, MAJORITY, 3);
        publisher.targetsRevision(1);
        publisher.factoryBound(majority, MAJORITY);
        publisher.configBound(first);
        publisher.configBound(VerifierConfigs.quorum(2, HIERARCHICAL, 3));
        publisher.configUnbound(first);
        assertEquals(1L, registry.only().revision(), "the running verifier stays until the targets arrive");
        publisher.targetsRevision(2);
        publisher.factoryBound(hierarchical, HIERARCHICAL);
        publisher.factoryUnbound(majority);
        assertEquals(HIERARCHICAL, registry.only().type());
        assertEquals(2L, registry.only().revision());
        assertEquals(0, log.count(Missing.class), "no warning during a planned switch");
    }

    @Test
    void standaloneRegistersNothingAndIsLoggedOnce() {
        ServerConfig first = VerifierConfigs.standalone(1);
        publisher.factoryBound(new StubFactory(), MAJORITY);
        publisher.configBound(first);
        publisher.configBound(VerifierConfigs.standalone(2));
        publisher.configUnbound(first);
        assertEquals(List.of(), registry.live());
        assertEquals(List.of(new Standalone()), log.plans());
    }

    @Test
    void aRejectedEnsembleWithdrawsTheOldVerifierAndIsReportedOnce() {
        ServerConfig good = VerifierConfigs.quorum(1, MAJORITY, 3);
        publisher.configBound(good);
        publisher.factoryBound(new StubFactory(), MAJORITY);
        publisher.factoryBound(new StubFactory(new IllegalArgumentException("no voters")), MAJORITY);
        publisher.targetsRevision(1);
        assertEquals(List.of(), registry.live());
        assertEquals(1, log.count(Rejected.class));
        assertEquals(new Rejected(MAJORITY, 1, "no voters"), log.plans().get(log.plans().size() - 1));
    }

    @Test
    void unchangedInputsDoNotRebuild() {
        StubFactory factory = new StubFactory();
        publisher.configBound(VerifierConfigs.quorum(4, MAJORITY, 3));
        publisher.factoryBound(factory, MAJORITY);
        publisher.targetsRevision(4);
        publisher.targetsRevision(4);
        assertEquals(List.of("register 4"), registry.events(), "the same inputs keep the same registration");
        assertEquals(1L, log.count(Publish.class));
    }

    @Test
    void closingWithdrawsTheVerifierForGood() {
        StubFactory factory = new StubFactory();
        publisher.configBound(VerifierConfigs.quorum(1, MAJORITY, 3));
        publisher.factoryBound(factory, MAJORITY);
        publisher.close();
        publisher.factoryBound(new StubFactory(), MAJORITY);
        assertEquals(List.of(), registry.live());
        assertTrue(log.failures().isEmpty());
    }

    @Test
    void whatIsBoundBeforeActivationIsRegisteredAtActivationWithoutAWarning() {
        FakeRegistrar registry = new FakeRegistrar();
        RecordingListener log = new RecordingListener();
        VerifierPublisher starting = new VerifierPublisher(registry, log);
        starting.configBound(VerifierConfigs.quorum(1, MAJORITY, 3));
        starting.factoryBound(new StubFactory(), MAJORITY);
        assertEquals(List.of(), registry.live(), "nothing is registered before activation");
        starting.activate(1);
        assertEquals(1L, registry.only().revision());
        assertEquals(0, log.count(Missing.class));
    }

    @Test
    void aMissingFactoryIsReportedWhenTheConfigAndTargetsAgree() {
        publisher.targetsRevision(2);
        publisher.configBound(VerifierConfigs.quorum(2, HIERARCHICAL, 3));
        assertEquals(List.of(new Missing(HIERARCHICAL)), log.plans());
        assertEquals(List.of(), registry.live());
    }
}
