package dev.menagerie.quorum.impl.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.quorum.impl.verifier.VerifierPlan.Broken;
import dev.menagerie.quorum.impl.verifier.VerifierPlan.Closed;
import dev.menagerie.quorum.impl.verifier.VerifierPlan.Hold;
import dev.menagerie.quorum.impl.verifier.VerifierPlan.Missing;
import dev.menagerie.quorum.impl.verifier.VerifierPlan.Publish;
import dev.menagerie.quorum.impl.verifier.VerifierPlan.Rejected;
import dev.menagerie.quorum.impl.verifier.VerifierPlan.Standalone;
import org.junit.jupiter.api.Test;

class VerifierPlannerTest {

    private static final String MAJORITY = ServerConfig.DEFAULT_VERIFIER;
    private static final String HIERARCHICAL = ServerConfig.HIERARCHICAL_VERIFIER;

    private static final VerifierInputs ACTIVE = VerifierInputs.NONE.activated(VerifierInputs.UNKNOWN_REVISION);

    private static VerifierPlan plan(ServerConfig config, StubFactory factory, String type) {
        BoundFactory bound = factory == null ? null : new BoundFactory(factory, type);
        return VerifierPlanner.plan(ACTIVE.withConfig(config).withFactory(bound));
    }

    @Test
    void publishesWhatTheConfiguredFactoryBuildsFromTheMembers() {
        ServerConfig config = VerifierConfigs.quorum(4, MAJORITY, 3);
        StubFactory factory = new StubFactory();
        Publish publish = assertInstanceOf(Publish.class, plan(config, factory, MAJORITY));
        assertEquals(MAJORITY, publish.type());
        assertEquals(4L, publish.revision());
        StubFactory.StubVerifier verifier = assertInstanceOf(StubFactory.StubVerifier.class, publish.verifier());
        assertSame(factory, verifier.builtBy());
        assertEquals(config.members(), verifier.members());
    }

    @Test
    void standaloneNeedsNoVerifierEvenWithAFactoryBound() {
        StubFactory factory = new StubFactory();
        assertInstanceOf(Standalone.class, plan(VerifierConfigs.standalone(1), factory, MAJORITY));
        assertEquals(0, factory.builds(), "nothing is built for a standalone server");
    }

    @Test
    void withoutAFactoryTheConfiguredTypeIsMissing() {
        Missing missing = assertInstanceOf(Missing.class, plan(VerifierConfigs.quorum(1, HIERARCHICAL, 3), null, null));
        assertEquals(HIERARCHICAL, missing.type());
    }

    @Test
    void aFactoryOfAnotherTypeIsNotUsedButAwaitsItsReplacement() {
        StubFactory factory = new StubFactory();
        assertInstanceOf(Hold.class, plan(VerifierConfigs.quorum(1, HIERARCHICAL, 3), factory, MAJORITY));
        assertEquals(0, factory.builds());
    }

    @Test
    void nothingIsDecidedBeforeActivation() {
        VerifierInputs binding = VerifierInputs.NONE.withConfig(VerifierConfigs.quorum(1, MAJORITY, 3));
        assertInstanceOf(Hold.class, VerifierPlanner.plan(binding));
    }

    @Test
    void aRejectedEnsembleKeepsTheFactorysMessage() {
        StubFactory factory = new StubFactory(new IllegalArgumentException("server.2 is a participant in no group"));
        Rejected rejected = assertInstanceOf(Rejected.class,
                plan(VerifierConfigs.quorum(7, HIERARCHICAL, 3), factory, HIERARCHICAL));
        assertEquals("server.2 is a participant in no group", rejected.reason());
        assertEquals(7L, rejected.revision());
    }

    @Test
    void anyOtherFailureIsAPluginBug() {
        IllegalStateException bug = new IllegalStateException("bug");
        Broken broken = assertInstanceOf(Broken.class,
                plan(VerifierConfigs.quorum(1, MAJORITY, 3), new StubFactory(bug), MAJORITY));
        assertSame(bug, broken.error());
    }

    @Test
    void waitsWhileTheTargetsAndTheConfigAreOfDifferentRevisions() {
        // zoo.cfg switched to hierarchical in revision 3: the config arrived, the new targets have not.
        VerifierInputs inputs = ACTIVE.withConfig(VerifierConfigs.quorum(3, HIERARCHICAL, 3)).withTargetsRevision(2);
        assertInstanceOf(Hold.class, VerifierPlanner.plan(inputs));
        assertInstanceOf(Missing.class, VerifierPlanner.plan(inputs.withTargetsRevision(3)));
    }

    @Test
    void aFittingFactoryIsUsedEvenBeforeTheTargetsCatchUp() {
        VerifierInputs inputs = ACTIVE.withConfig(VerifierConfigs.quorum(5, MAJORITY, 5))
                .withFactory(new BoundFactory(new StubFactory(), MAJORITY)).withTargetsRevision(4);
        assertEquals(5L, assertInstanceOf(Publish.class, VerifierPlanner.plan(inputs)).revision());
    }

    @Test
    void aClosedComponentPlansNothing() {
        VerifierInputs inputs = ACTIVE.withConfig(VerifierConfigs.quorum(1, MAJORITY, 3))
                .withFactory(new BoundFactory(new StubFactory(), MAJORITY)).closed();
        assertInstanceOf(Closed.class, VerifierPlanner.plan(inputs));
    }
}
