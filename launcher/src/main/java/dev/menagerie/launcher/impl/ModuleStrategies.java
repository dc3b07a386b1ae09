package dev.menagerie.launcher.impl;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.config.StrategyTargets;
import dev.menagerie.api.plugin.StrategyProvider;
import dev.menagerie.api.plugin.StrategyServices;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The strategies one server runs on, made by the providers {@link java.util.ServiceLoader} found, each of the type
 * its zoo.cfg key names ({@code serverCnxnFactory}, {@code storage}, {@code electionType}, {@code quorumVerifier}) as
 * the OSGi runtime's target filters choose them. A strategy is made once per server and type.
 */
final class ModuleStrategies implements StrategyServices {

    private final List<StrategyProvider<?>> providers;
    private final ServerConfig config;
    private final Map<Class<?>, Object> services = new HashMap<>();
    private final Map<StrategyProvider<?>, Object> made = new HashMap<>();

    ModuleStrategies(List<StrategyProvider<?>> providers, ServerConfig config) {
        this.providers = List.copyOf(providers);
        this.config = config;
        services.put(ServerConfig.class, config);
    }

    /**
     * One line per role {@code config} uses whose type no provider offers, or that two modules offer:
     * {@code electionType=priority: no module on the module path provides it (installed: fast)}.
     */
    static List<String> problems(ServerConfig config, List<StrategyProvider<?>> providers) {
        List<String> lines = new ArrayList<>();
        for (String reference : StrategyTargets.REFERENCES) {
            if (!StrategyTargets.usedIn(config, reference)) {
                continue;
            }
            String wanted = StrategyTargets.selectedType(config, reference);
            String key = StrategyTargets.zooCfgKey(reference) + "=" + wanted;
            List<StrategyProvider<?>> offering = ofRole(providers, reference).stream()
                    .filter(provider -> provider.type().equals(wanted)).toList();
            if (offering.isEmpty()) {
                List<String> installed = ofRole(providers, reference).stream().map(StrategyProvider::type)
                        .distinct().sorted().toList();
                lines.add(key + ": no module on the module path provides it (installed: "
                        + (installed.isEmpty() ? "none" : String.join(", ", installed)) + ")");
            } else if (offering.size() > 1) {
                lines.add(key + ": " + offering.size() + " modules provide it (" + offering.stream()
                        .map(ModuleStrategies::moduleOf).collect(Collectors.joining(", ")) + "); remove all but one");
            }
        }
        return lines;
    }

    private static List<StrategyProvider<?>> ofRole(List<StrategyProvider<?>> providers, String reference) {
        String role = StrategyTargets.serviceInterface(reference);
        return providers.stream().filter(provider -> provider.role().getName().equals(role)).toList();
    }

    /** The strategy zoo.cfg chooses for {@code reference} ({@link StrategyTargets#CNXN_FACTORY}, ...). */
    <S> S chosen(String reference, Class<S> role) {
        return strategy(role, StrategyTargets.selectedType(config, reference));
    }

    /** Makes {@code service} what {@link #service(Class)} answers for {@code type}. */
    <T> void offer(Class<T> type, T service) {
        services.put(type, service);
    }

    @Override
    public <T> T service(Class<T> type) {
        Object service = services.get(type);
        if (service == null) {
            throw new IllegalStateException("no " + type.getSimpleName() + " on the module path for this server");
        }
        return type.cast(service);
    }

    /**
     * The first strategy of {@code type} that is a {@code role}: a strategy may implement more than its role's
     * interface (the {@code fast} election is also the {@code TieBreakingElectionFactory} that {@code priority}
     * builds on).
     */
    @Override
    public <T> T strategy(Class<T> role, String type) {
        for (StrategyProvider<?> provider : providers) {
            if (provider.type().equals(type)) {
                // Not computeIfAbsent: making one strategy may make the one it builds on.
                Object strategy = made.get(provider);
                if (strategy == null) {
                    strategy = provider.create(this);
                    made.put(provider, strategy);
                }
                if (role.isInstance(strategy)) {
                    return role.cast(strategy);
                }
            }
        }
        throw new IllegalStateException("no module on the module path provides a " + role.getSimpleName()
                + " of type " + type);
    }

    /** The strategy of {@code type} that is a {@code role}, or empty when no module provides one. */
    <T> Optional<T> optional(Class<T> role, String type) {
        boolean provided = providers.stream().anyMatch(provider -> provider.type().equals(type)
                && (role.isAssignableFrom(provider.role()) || provider.role().isAssignableFrom(role)));
        return provided ? Optional.of(strategy(role, type)) : Optional.empty();
    }

    /** {@code serverCnxnFactory=nio (dev.menagerie.transport.nio), storage=file (...)}: what this server uses. */
    String describe() {
        List<String> parts = new ArrayList<>();
        for (String reference : StrategyTargets.REFERENCES) {
            if (StrategyTargets.usedIn(config, reference)) {
                String wanted = StrategyTargets.selectedType(config, reference);
                String module = ofRole(providers, reference).stream().filter(p -> p.type().equals(wanted))
                        .findFirst().map(ModuleStrategies::moduleOf).orElse("missing");
                parts.add(StrategyTargets.zooCfgKey(reference) + "=" + wanted + " (" + module + ")");
            }
        }
        return String.join(", ", parts);
    }

    private static String moduleOf(StrategyProvider<?> provider) {
        Module module = provider.getClass().getModule();
        return module.isNamed() ? module.getName() : provider.getClass().getName();
    }
}
