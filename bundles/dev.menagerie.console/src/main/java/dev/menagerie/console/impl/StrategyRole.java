package dev.menagerie.console.impl;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.config.StrategyTargets;
import dev.menagerie.api.election.ElectionFactory;
import dev.menagerie.api.quorum.QuorumVerifierFactory;
import dev.menagerie.api.storage.StorageFactory;
import dev.menagerie.api.transport.ServerCnxnFactory;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * A strategy role the console shows and can switch: the service interface its implementations register, the
 * zoo.cfg key that chooses one by {@code type}, and where the configuration in force says which is chosen.
 */
enum StrategyRole {
    TRANSPORT(StrategyTargets.CNXN_FACTORY, ServerCnxnFactory.class, "serverCnxnFactory",
            ServerConfig::cnxnFactoryType, true),
    STORAGE(StrategyTargets.STORAGE, StorageFactory.class, "storage", ServerConfig::storageType, true),
    ELECTION(StrategyTargets.ELECTION, ElectionFactory.class, "electionType", ServerConfig::electionType, true),
    /** Changing the verifier of a running ensemble is a reconfiguration, never a file edit. */
    VERIFIER(StrategyTargets.VERIFIER, QuorumVerifierFactory.class, "quorumVerifier", ServerConfig::verifierType,
            false);

    private final String reference;
    private final Class<?> service;
    private final String configKey;
    private final Function<ServerConfig, String> chosen;
    private final boolean switchableInEnsemble;

    StrategyRole(String reference, Class<?> service, String configKey, Function<ServerConfig, String> chosen,
            boolean switchableInEnsemble) {
        this.reference = reference;
        this.service = service;
        this.configKey = configKey;
        this.chosen = chosen;
        this.switchableInEnsemble = switchableInEnsemble;
    }

    /** The reference name, as {@code runtime_status} and the Gogo commands name the role. */
    String reference() {
        return reference;
    }

    Class<?> service() {
        return service;
    }

    String configKey() {
        return configKey;
    }

    String chosen(ServerConfig config) {
        return chosen.apply(config);
    }

    /** Why the role cannot be switched from the console under {@code config}, or empty when it can. */
    Optional<String> switchRefusal(ServerConfig config) {
        if (!switchableInEnsemble && !config.standalone()) {
            return Optional.of("the " + reference + " of an ensemble changes through reconfiguration, not a zoo.cfg "
                    + "edit");
        }
        return Optional.empty();
    }

    static Optional<StrategyRole> byReference(String reference) {
        return Arrays.stream(values()).filter(role -> role.reference.equals(reference)).findFirst();
    }
}
