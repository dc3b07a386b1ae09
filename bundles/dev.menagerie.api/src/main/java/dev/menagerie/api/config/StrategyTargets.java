package dev.menagerie.api.config;

import java.util.Collection;
import java.util.List;

/**
 * How zoo.cfg chooses strategies without code: the config bundle writes the Configuration Admin record
 * {@value #PID} with one {@code <reference>.target} filter per strategy, such as
 * {@code cnxnFactory.target=(type=netty)}. A component that uses strategies declares
 * {@code configurationPid = StrategyTargets.PID} and names its references with these constants; Declarative
 * Services then binds exactly the chosen implementation and rebinds when zoo.cfg or the deployed bundles change.
 */
public final class StrategyTargets {

    /** The Configuration Admin PID holding the target filters. */
    public static final String PID = "dev.menagerie.strategies";

    /** Reference name for the {@code ServerCnxnFactory}. */
    public static final String CNXN_FACTORY = "cnxnFactory";
    /** Reference name for the {@code StorageFactory}. */
    public static final String STORAGE = "storage";
    /** Reference name for the {@code ElectionFactory}. */
    public static final String ELECTION = "election";
    /** Reference name for the {@code QuorumVerifierFactory}. */
    public static final String VERIFIER = "verifier";

    /** Configuration property that also carries {@link ServerConfig#REVISION}, so consumers can match the two. */
    public static final String REVISION = ServerConfig.REVISION;

    /**
     * The four references in the order status pages list them.
     *
     * @since 1.2
     */
    public static final List<String> REFERENCES = List.of(CNXN_FACTORY, STORAGE, ELECTION, VERIFIER);

    private StrategyTargets() {
    }

    /**
     * The service interface whose implementations fill {@code reference}.
     *
     * @throws IllegalArgumentException when {@code reference} is not one of {@link #REFERENCES}
     * @since 1.2
     */
    public static String serviceInterface(String reference) {
        return switch (reference) {
            case CNXN_FACTORY -> "dev.menagerie.api.transport.ServerCnxnFactory";
            case STORAGE -> "dev.menagerie.api.storage.StorageFactory";
            case ELECTION -> "dev.menagerie.api.election.ElectionFactory";
            case VERIFIER -> "dev.menagerie.api.quorum.QuorumVerifierFactory";
            default -> throw unknown(reference);
        };
    }

    /**
     * The zoo.cfg key that chooses {@code reference}'s type.
     *
     * @throws IllegalArgumentException when {@code reference} is not one of {@link #REFERENCES}
     * @since 1.2
     */
    public static String zooCfgKey(String reference) {
        return switch (reference) {
            case CNXN_FACTORY -> "serverCnxnFactory";
            case STORAGE -> "storage";
            case ELECTION -> "electionType";
            case VERIFIER -> "quorumVerifier";
            default -> throw unknown(reference);
        };
    }

    /**
     * The type {@code config} selects for {@code reference}.
     *
     * @throws IllegalArgumentException when {@code reference} is not one of {@link #REFERENCES}
     * @since 1.2
     */
    public static String selectedType(ServerConfig config, String reference) {
        return switch (reference) {
            case CNXN_FACTORY -> config.cnxnFactoryType();
            case STORAGE -> config.storageType();
            case ELECTION -> config.electionType();
            case VERIFIER -> config.verifierType();
            default -> throw unknown(reference);
        };
    }

    /**
     * Whether a server running {@code config} uses a strategy for {@code reference}: a standalone server has no
     * election and no quorum verifier.
     *
     * @since 1.2
     */
    public static boolean usedIn(ServerConfig config, String reference) {
        return !config.standalone() || CNXN_FACTORY.equals(reference) || STORAGE.equals(reference);
    }

    /**
     * A service filter matching every service that can fill one of the four references, for listeners that
     * react when strategy bundles come and go.
     *
     * @since 1.2
     */
    public static String servicesFilter() {
        StringBuilder filter = new StringBuilder("(|");
        for (String reference : REFERENCES) {
            filter.append("(objectClass=").append(serviceInterface(reference)).append(')');
        }
        return filter.append(')').toString();
    }

    private static IllegalArgumentException unknown(String reference) {
        return new IllegalArgumentException("no strategy reference \"" + reference + "\"; the references are "
                + REFERENCES);
    }

    /**
     * The line that reports a type no strategy offers, the same in every runtime: {@code electionType=priority: no
     * installed bundle provides it (installed: fast)}.
     *
     * @param provider what would provide it: {@code installed bundle}, {@code module on the module path}, ...
     * @param installed the types offered for the role, in the order to show; empty shows {@code none}
     * @since 1.3
     */
    public static String notProvided(String reference, String wanted, String provider,
            Collection<String> installed) {
        return zooCfgKey(reference) + "=" + wanted + ": no " + provider + " provides it (installed: "
                + installedText(installed) + ")";
    }

    /**
     * The types offered for a role as reports show them: joined by commas, or {@code none}.
     *
     * @since 1.3
     */
    public static String installedText(Collection<String> installed) {
        return installed.isEmpty() ? "none" : String.join(", ", installed);
    }

    /** The configuration property holding a reference's target filter: {@code <reference>.target}. */
    public static String targetProperty(String reference) {
        return reference + ".target";
    }

    /** The filter that selects services whose {@code type} property equals {@code type}. */
    public static String filterFor(String type) {
        StringBuilder escaped = new StringBuilder();
        for (char c : type.toCharArray()) {
            if (c == '\\' || c == '(' || c == ')' || c == '*') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return "(type=" + escaped + ")";
    }
}
