package dev.menagerie.api.config;

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

    private StrategyTargets() {
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
