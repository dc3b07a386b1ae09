package dev.menagerie.admin.impl.strategy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.SatisfiedReferenceDTO;
import org.osgi.framework.dto.ServiceReferenceDTO;

/**
 * Reads the service registry for installed strategies and the Service Component Runtime for the bound ones: a
 * strategy is bound when an active component's reference of the role's name holds it.
 */
public final class FrameworkStrategyInventory implements StrategyInventory {

    private static final String TYPE = "type";

    private final BundleContext context;
    private final ServiceComponentRuntime runtime;

    public FrameworkStrategyInventory(BundleContext context, ServiceComponentRuntime runtime) {
        this.context = context;
        this.runtime = runtime;
    }

    @Override
    public List<StrategyProvider> installed(StrategyRole role) {
        ServiceReference<?>[] references;
        try {
            references = context.getAllServiceReferences(role.serviceInterface(), null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("a null filter cannot be invalid", e);
        }
        List<StrategyProvider> providers = new ArrayList<>();
        if (references != null) {
            for (ServiceReference<?> reference : references) {
                Bundle bundle = reference.getBundle();
                if (bundle != null) {
                    providers.add(new StrategyProvider(String.valueOf(reference.getProperty(TYPE)),
                            bundle.getSymbolicName() + " " + bundle.getVersion()));
                }
            }
        }
        providers.sort(Comparator.comparing(StrategyProvider::type).thenComparing(StrategyProvider::bundle));
        return providers;
    }

    @Override
    public List<String> bound(StrategyRole role) {
        TreeSet<String> types = new TreeSet<>();
        for (ComponentDescriptionDTO description : runtime.getComponentDescriptionDTOs()) {
            for (ComponentConfigurationDTO configuration : runtime.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.ACTIVE
                        || configuration.state == ComponentConfigurationDTO.SATISFIED) {
                    collectBound(configuration, role.reference(), types);
                }
            }
        }
        return List.copyOf(types);
    }

    private static void collectBound(ComponentConfigurationDTO configuration, String referenceName,
            TreeSet<String> types) {
        for (SatisfiedReferenceDTO reference : configuration.satisfiedReferences) {
            if (reference.name.equals(referenceName)) {
                for (ServiceReferenceDTO service : reference.boundServices) {
                    types.add(String.valueOf(service.properties.get(TYPE)));
                }
            }
        }
    }
}
