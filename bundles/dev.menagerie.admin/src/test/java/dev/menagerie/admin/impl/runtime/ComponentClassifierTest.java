package dev.menagerie.admin.impl.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.menagerie.admin.impl.runtime.ComponentIssue.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

class ComponentClassifierTest {

    private static ComponentDescriptionDTO description(String name, String policy) {
        ComponentDescriptionDTO description = new ComponentDescriptionDTO();
        description.name = name;
        description.configurationPolicy = policy;
        return description;
    }

    private static ComponentConfigurationDTO configuration(int state) {
        ComponentConfigurationDTO configuration = new ComponentConfigurationDTO();
        configuration.state = state;
        configuration.unsatisfiedReferences = new UnsatisfiedReferenceDTO[0];
        return configuration;
    }

    private static UnsatisfiedReferenceDTO reference(String name, String target) {
        UnsatisfiedReferenceDTO reference = new UnsatisfiedReferenceDTO();
        reference.name = name;
        reference.target = target;
        return reference;
    }

    @Test
    void missingReferencesAreUnsatisfiedWithTheirTargets() {
        ComponentConfigurationDTO configuration = configuration(ComponentConfigurationDTO.UNSATISFIED_REFERENCE);
        configuration.unsatisfiedReferences = new UnsatisfiedReferenceDTO[] {
            reference("cnxnFactory", "(type=netty)"), reference("storage", null)};

        List<ComponentIssue> issues = ComponentClassifier.classify(description("Peer", "optional"),
                List.of(configuration));

        assertEquals(List.of(new ComponentIssue("Peer", Kind.UNSATISFIED,
                "missing reference cnxnFactory (type=netty), storage")), issues);
        assertEquals("Peer (missing reference cnxnFactory (type=netty), storage)", issues.get(0).describe());
    }

    @Test
    void failedActivationIsUnsatisfiedWithTheFirstLineOfTheFailure() {
        ComponentConfigurationDTO configuration = configuration(ComponentConfigurationDTO.FAILED_ACTIVATION);
        configuration.failure = "java.lang.IllegalStateException: no data dir\n\tat dev.menagerie.Foo.activate";

        assertEquals(List.of(new ComponentIssue("Store", Kind.UNSATISFIED,
                "activation failed: java.lang.IllegalStateException: no data dir")),
                ComponentClassifier.classify(description("Store", "optional"), List.of(configuration)));
    }

    @Test
    void aVeryLongFailureIsShortened() {
        ComponentConfigurationDTO configuration = configuration(ComponentConfigurationDTO.FAILED_ACTIVATION);
        configuration.failure = "x".repeat(1000);

        String reason = ComponentClassifier.classify(description("Store", "optional"), List.of(configuration))
                .get(0).reason();

        assertEquals("activation failed: ".length() + ComponentClassifier.MAX_REASON_CHARS + 3, reason.length());
    }

    @Test
    void requirePolicyWithoutConfigurationIsWaitingNotUnsatisfied() {
        ComponentDescriptionDTO description = description("Unanimous", "require");

        List<ComponentIssue> noDto = ComponentClassifier.classify(description, List.of());
        List<ComponentIssue> unsatisfiedConfiguration = ComponentClassifier.classify(description,
                List.of(configuration(ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION)));

        ComponentIssue waiting = new ComponentIssue("Unanimous", Kind.WAITING_FOR_CONFIGURATION, "");
        assertEquals(List.of(waiting), noDto);
        assertEquals(List.of(waiting), unsatisfiedConfiguration);
        assertEquals("Unanimous", waiting.describe());
    }

    @Test
    void runningComponentsAndIdleFactoriesAreNotReported() {
        assertEquals(List.of(), ComponentClassifier.classify(description("A", "optional"),
                List.of(configuration(ComponentConfigurationDTO.ACTIVE),
                        configuration(ComponentConfigurationDTO.SATISFIED))));
        assertEquals(List.of(), ComponentClassifier.classify(description("Factory", "optional"), List.of()));
    }

    @Test
    void identicalProblemsOfSeveralConfigurationsAreReportedOnce() {
        ComponentConfigurationDTO first = configuration(ComponentConfigurationDTO.UNSATISFIED_REFERENCE);
        ComponentConfigurationDTO second = configuration(ComponentConfigurationDTO.UNSATISFIED_REFERENCE);

        assertEquals(1, ComponentClassifier.classify(description("Multi", "require"), List.of(first, second)).size());
    }
}
