package dev.menagerie.admin.impl.runtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Asks the Service Component Runtime about every bundle's components. Disabled components are left out: someone
 * disabled them on purpose.
 */
public final class ScrComponentInventory implements ComponentInventory {

    private final ServiceComponentRuntime runtime;

    public ScrComponentInventory(ServiceComponentRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public List<ComponentIssue> issues() {
        List<ComponentIssue> issues = new ArrayList<>();
        for (ComponentDescriptionDTO description : runtime.getComponentDescriptionDTOs()) {
            if (runtime.isComponentEnabled(description)) {
                issues.addAll(ComponentClassifier.classify(description,
                        runtime.getComponentConfigurationDTOs(description)));
            }
        }
        issues.sort(Comparator.comparing(ComponentIssue::name));
        return issues;
    }
}
