package dev.menagerie.admin.impl.strategy;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.config.StrategyTargets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The four roles zoo.cfg fills with a strategy: the reference name consumers bind it under, the zoo.cfg key that
 * chooses it, and the service interface its bundles register.
 */
public enum StrategyRole {
    CNXN_FACTORY(StrategyTargets.CNXN_FACTORY, "the client port stays closed until a bundle provides it; sessions"
            + " stay open until they time out"),
    STORAGE(StrategyTargets.STORAGE, "no server runs until a bundle provides it"),
    ELECTION(StrategyTargets.ELECTION, "this server takes no part in the ensemble until a bundle provides it"),
    VERIFIER(StrategyTargets.VERIFIER, "this server takes no part in the ensemble until a bundle provides it");

    private final String reference;
    private final String whileMissing;

    StrategyRole(String reference, String whileMissing) {
        this.reference = reference;
        this.whileMissing = whileMissing;
    }

    /** The name the operator types and the status reports: the consumers' reference name. */
    public String reference() {
        return reference;
    }

    public String zooCfgKey() {
        return StrategyTargets.zooCfgKey(reference);
    }

    public String serviceInterface() {
        return StrategyTargets.serviceInterface(reference);
    }

    /** The type the configuration in force selects. */
    public String selectedIn(ServerConfig config) {
        return StrategyTargets.selectedType(config, reference);
    }

    /** Whether a server running {@code config} uses this role (a standalone server has no election or verifier). */
    public boolean usedIn(ServerConfig config) {
        return StrategyTargets.usedIn(config, reference);
    }

    /** What the server does while no bundle provides the selected type, for the log line that says so. */
    public String whileMissing() {
        return whileMissing;
    }

    /** The role named by its reference name or its zoo.cfg key, ignoring case. */
    public static Optional<StrategyRole> named(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(role -> role.reference.toLowerCase(Locale.ROOT).equals(wanted)
                        || role.zooCfgKey().toLowerCase(Locale.ROOT).equals(wanted))
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
            if (!role.zooCfgKey().equals(role.reference)) {
                names.append(" (").append(role.zooCfgKey()).append(')');
            }
        }
        return names.toString();
    }
}
