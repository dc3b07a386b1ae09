package dev.menagerie.server.embed;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.config.StrategyTargets;
import dev.menagerie.api.election.ElectionFactory;
import dev.menagerie.api.plugin.StrategyProvider;
import dev.menagerie.api.plugin.StrategyServices;
import dev.menagerie.api.quorum.QuorumVerifier;
import dev.menagerie.api.quorum.QuorumVerifierFactory;
import dev.menagerie.api.replication.QuorumPeerFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The strategies one server runs on without a framework, made by the {@link StrategyProvider}s that
 * {@link java.util.ServiceLoader} found on the module path or the class path (the caller loads them: on the module
 * path only a module that {@code uses} the service may), each of the type its zoo.cfg key names
 * ({@code serverCnxnFactory}, {@code storage}, {@code electionType}, {@code quorumVerifier}) as the OSGi runtime's
 * target filters choose them. A strategy is made once per server and type. Not thread-safe: one server's start.
 *
 * @since 1.2
 */
public final class ProvidedStrategies implements StrategyServices {

    /** Where the providers were found, as the messages name it. */
    public enum Source {
        MODULE_PATH("module", "the module path"),
        CLASS_PATH("jar", "the class path");

        private final String unit;
        private final String place;

        Source(String unit, String place) {
            this.unit = unit;
            this.place = place;
        }

        /** {@code the module path} or {@code the class path}, as messages name it. */
        public String place() {
            return place;
        }
    }

    /** The {@code type} of the Zab quorum peer factory, the one replication there is. */
    public static final String ZAB = "zab";

    private final List<StrategyProvider<?>> providers;
    private final ServerConfig config;
    private final Source source;
    private final Map<Class<?>, Object> services = new HashMap<>();
    private final Map<StrategyProvider<?>, Object> made = new HashMap<>();

    public ProvidedStrategies(List<StrategyProvider<?>> providers, ServerConfig config, Source source) {
        this.providers = List.copyOf(providers);
        this.config = config;
        this.source = source;
        services.put(ServerConfig.class, config);
    }

    /**
     * One line per role {@code config} uses whose type no provider offers, or that two modules offer:
     * {@code electionType=priority: no module on the module path provides it (installed: fast)}.
     */
    public static List<String> problems(ServerConfig config, List<StrategyProvider<?>> providers, Source source) {
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
                lines.add(StrategyTargets.notProvided(reference, wanted, source.unit + " on " + source.place,
                        installed));
            } else if (offering.size() > 1) {
                lines.add(key + ": " + offering.size() + " " + source.unit + "s provide it (" + offering.stream()
                        .map(ProvidedStrategies::moduleOf).collect(Collectors.joining(", ")) + "); remove all but one");
            }
        }
        return lines;
    }

    private static List<StrategyProvider<?>> ofRole(List<StrategyProvider<?>> providers, String reference) {
        String role = StrategyTargets.serviceInterface(reference);
        return providers.stream().filter(provider -> provider.role().getName().equals(role)).toList();
    }

    /** The strategy zoo.cfg chooses for {@code reference} ({@link StrategyTargets#CNXN_FACTORY}, ...). */
    public <S> S chosen(String reference, Class<S> role) {
        return strategy(role, StrategyTargets.selectedType(config, reference));
    }

    /** Makes {@code service} what {@link #service(Class)} answers for {@code type}. */
    public <T> void offer(Class<T> type, T service) {
        services.put(type, service);
    }

    @Override
    public <T> T service(Class<T> type) {
        Object service = services.get(type);
        if (service == null) {
            throw new IllegalStateException("no " + type.getSimpleName() + " on " + source.place + " for this server");
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
        throw new IllegalStateException("no " + source.unit + " on " + source.place + " provides a "
                + role.getSimpleName() + " of type " + type);
    }

    /** The strategy of {@code type} that is a {@code role}, or empty when no module provides one. */
    public <T> Optional<T> optional(Class<T> role, String type) {
        boolean provided = providers.stream().anyMatch(provider -> provider.type().equals(type)
                && (role.isAssignableFrom(provider.role()) || provider.role().isAssignableFrom(role)));
        return provided ? Optional.of(strategy(role, type)) : Optional.empty();
    }

    /**
     * The Zab peers of an ensemble member: the election and the verifier zoo.cfg chooses, made and offered to the
     * {@value #ZAB} provider with the metrics registry {@link #offer offered} before.
     */
    public QuorumPeerFactory peers() {
        offer(ElectionFactory.class, chosen(StrategyTargets.ELECTION, ElectionFactory.class));
        QuorumVerifier verifier = chosen(StrategyTargets.VERIFIER, QuorumVerifierFactory.class)
                .create(config.members());
        offer(QuorumVerifier.class, verifier);
        return strategy(QuorumPeerFactory.class, ZAB);
    }

    /** {@code serverCnxnFactory=nio (dev.menagerie.transport.nio), storage=file (...)}: what this server uses. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        for (String reference : StrategyTargets.REFERENCES) {
            if (StrategyTargets.usedIn(config, reference)) {
                String wanted = StrategyTargets.selectedType(config, reference);
                String module = ofRole(providers, reference).stream().filter(p -> p.type().equals(wanted))
                        .findFirst().map(ProvidedStrategies::moduleOf).orElse("missing");
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
