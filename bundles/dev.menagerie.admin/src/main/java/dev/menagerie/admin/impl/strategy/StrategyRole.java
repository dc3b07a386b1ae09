package dev.menagerie.admin.impl.strategy;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.config.StrategyTargets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The four roles zoo.cfg fills with a strategy: the reference name consumers bind it under, the zoo.cfg key that
 * chooses it, and the service interface its bundles register.
 */
public enum StrategyRole {
    CNXN_FACTORY(StrategyTargets.CNXN_FACTORY, "serverCnxnFactory", "dev.menagerie.api.transport.ServerCnxnFactory",
            ServerConfig::cnxnFactoryType),
    STORAGE(StrategyTargets.STORAGE, "storage", "dev.menagerie.api.storage.StorageFactory",
            ServerConfig::storageType),
    ELECTION(StrategyTargets.ELECTION, "electionType", "dev.menagerie.api.election.ElectionFactory",
            ServerConfig::electionType),
    VERIFIER(StrategyTargets.VERIFIER, "quorumVerifier", "dev.menagerie.api.quorum.QuorumVerifierFactory",
            ServerConfig::verifierType);

    private final String reference;
    private final String zooCfgKey;
    private final String serviceInterface;
    private final Function<ServerConfig, String> selected;

    StrategyRole(String reference, String zooCfgKey, String serviceInterface,
            Function<ServerConfig, String> selected) {
        this.reference = reference;
        this.zooCfgKey = zooCfgKey;
        this.serviceInterface = serviceInterface;
        this.selected = selected;
    }

    /** The name the operator types and the status reports: the consumers' reference name. */
    public String reference() {
        return reference;
    }

    public String zooCfgKey() {
        return zooCfgKey;
    }

    public String serviceInterface() {
        return serviceInterface;
    }

    /** The type the configuration in force selects. */
    public String selectedIn(ServerConfig config) {
        return selected.apply(config);
    }

    /** The role named by its reference name or its zoo.cfg key, ignoring case. */
    public static Optional<StrategyRole> named(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(role -> role.reference.toLowerCase(Locale.ROOT).equals(wanted)
                        || role.zooCfgKey.toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }

    /** {@code cnxnFactory (serverCnxnFactory), storage, ...}: how an error message lists the roles. */
    public static String names() {
        StringBuilder names = new StringBuilder();
        for (StrategyRole role : values()) {
            if (!names.isEmpty()) {
                names.append(", ");
            }
            names.append(role.reference);
            if (!role.zooCfgKey.equals(role.reference)) {
                names.append(" (").append(role.zooCfgKey).append(')');
            }
        }
        return names.toString();
    }
}
