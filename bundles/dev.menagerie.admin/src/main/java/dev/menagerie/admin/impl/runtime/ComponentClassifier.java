package dev.menagerie.admin.impl.runtime;

import dev.menagerie.admin.impl.runtime.ComponentIssue.Kind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * Decides which states of an enabled component are worth reporting, from the DTOs of the Service Component
 * Runtime. Pure, so the rules are tested without SCR.
 *
 * <ul>
 *   <li>UNSATISFIED_REFERENCE and FAILED_ACTIVATION are problems ({@link Kind#UNSATISFIED}).</li>
 *   <li>UNSATISFIED_CONFIGURATION, and a REQUIRE-policy description with no configuration at all, are
 *   {@link Kind#WAITING_FOR_CONFIGURATION}: such a component is idle by design until someone configures it.</li>
 *   <li>A factory component with no instances, and SATISFIED or ACTIVE configurations, are not reported.</li>
 * </ul>
 */
public final class ComponentClassifier {

    static final String POLICY_REQUIRE = "require";
    /** A failure message can be a whole stack trace; one line of it is enough for a status report. */
    static final int MAX_REASON_CHARS = 200;

    private ComponentClassifier() {
    }

    public static List<ComponentIssue> classify(ComponentDescriptionDTO description,
            Collection<ComponentConfigurationDTO> configurations) {
        List<ComponentIssue> issues = new ArrayList<>();
        if (configurations.isEmpty()) {
            if (POLICY_REQUIRE.equals(description.configurationPolicy)) {
                issues.add(new ComponentIssue(description.name, Kind.WAITING_FOR_CONFIGURATION, ""));
            }
            return issues;
        }
        for (ComponentConfigurationDTO configuration : configurations) {
            ComponentIssue issue = classify(description.name, configuration);
            if (issue != null && !issues.contains(issue)) {
                issues.add(issue);
            }
        }
        return issues;
    }

    private static ComponentIssue classify(String name, ComponentConfigurationDTO configuration) {
        return switch (configuration.state) {
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE ->
                    new ComponentIssue(name, Kind.UNSATISFIED, missingReferences(configuration.unsatisfiedReferences));
            case ComponentConfigurationDTO.FAILED_ACTIVATION ->
                    new ComponentIssue(name, Kind.UNSATISFIED,
                            "activation failed: " + firstLine(configuration.failure));
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION ->
                    new ComponentIssue(name, Kind.WAITING_FOR_CONFIGURATION, "");
            default -> null;
        };
    }

    private static String missingReferences(UnsatisfiedReferenceDTO[] references) {
        StringJoiner joined = new StringJoiner(", ", "missing reference ", "");
        joined.setEmptyValue("missing reference");
        if (references != null) {
            for (UnsatisfiedReferenceDTO reference : references) {
                joined.add(reference.target == null ? reference.name : reference.name + " " + reference.target);
            }
        }
        return joined.toString();
    }

    private static String firstLine(String failure) {
        if (failure == null || failure.isBlank()) {
            return "no reason given";
        }
        String line = failure.strip().lines().findFirst().orElse("");
        return line.length() <= MAX_REASON_CHARS ? line : line.substring(0, MAX_REASON_CHARS) + "...";
    }
}
