package dev.menagerie.it.process.jmx;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.management.ObjectName;

/**
 * Apache ZooKeeper 3.9.5's bean attributes and operations that Menagerie's beans leave out, each with its reason;
 * docs/operations.md ("JMX") lists the same. Left out rather than reported with made-up values.
 */
final class AllowedJmxDifferences {

    static final String SERVER = "org.apache.ZooKeeperService:name0=StandaloneServer_port<N>";

    static final String NOT_MEASURED = "not measured by Menagerie yet";
    static final String NO_SUCH_TUNING = "a tuning knob of Apache's request pipeline that Menagerie's does"
            + " not have";
    static final String NOT_IN_STATUS = "not reported by the ServerStatus service yet";

    private static final Map<String, Map<String, String>> MISSING = Map.of(SERVER, serverBeanMissing());

    /** What Menagerie's server bean lacks, whether it is named StandaloneServer_port or Leader, Follower, ... */
    static Map<String, String> serverBeanMissing() {
        return Map.ofEntries(
            Map.entry("attribute FsyncThresholdExceedCount", NOT_MEASURED),
            Map.entry("operation resetFsyncThresholdExceedCount", NOT_MEASURED),
            Map.entry("attribute NonMTLSLocalConnCount", NOT_MEASURED),
            Map.entry("attribute NonMTLSRemoteConnCount", NOT_MEASURED),
            Map.entry("operation resetNonMTLSConnCount", NOT_MEASURED),
            Map.entry("attribute TxnLogElapsedSyncTime", NOT_MEASURED),
            Map.entry("attribute LastClientResponseSize", NOT_MEASURED),
            Map.entry("attribute MinClientResponseSize", NOT_MEASURED),
            Map.entry("attribute MaxClientResponseSize", NOT_MEASURED),
            Map.entry("attribute SecureClientPort", NOT_IN_STATUS),
            Map.entry("attribute SecureClientAddress", NOT_IN_STATUS),
            Map.entry("attribute JuteMaxBufferSize", NOT_IN_STATUS),
            Map.entry("attribute MaxCnxns", NOT_IN_STATUS),
            Map.entry("attribute ResponseCachingEnabled", NO_SUCH_TUNING),
            Map.entry("attribute ConnectionMaxTokens", NO_SUCH_TUNING),
            Map.entry("attribute ConnectionTokenFillTime", NO_SUCH_TUNING),
            Map.entry("attribute ConnectionTokenFillCount", NO_SUCH_TUNING),
            Map.entry("attribute ConnectionFreezeTime", NO_SUCH_TUNING),
            Map.entry("attribute ConnectionDropIncrease", NO_SUCH_TUNING),
            Map.entry("attribute ConnectionDropDecrease", NO_SUCH_TUNING),
            Map.entry("attribute ConnectionDecreaseRatio", NO_SUCH_TUNING),
            Map.entry("attribute CommitProcMaxReadBatchSize", NO_SUCH_TUNING),
            Map.entry("attribute CommitProcMaxCommitBatchSize", NO_SUCH_TUNING),
            Map.entry("attribute RequestThrottleLimit", NO_SUCH_TUNING),
            Map.entry("attribute RequestThrottleStallTime", NO_SUCH_TUNING),
            Map.entry("attribute RequestThrottleDropStale", NO_SUCH_TUNING),
            Map.entry("attribute ThrottledOpWaitTime", NO_SUCH_TUNING),
            Map.entry("attribute RequestStaleLatencyCheck", NO_SUCH_TUNING),
            Map.entry("attribute RequestStaleConnectionCheck", NO_SUCH_TUNING),
            Map.entry("attribute LargeRequestMaxBytes", NO_SUCH_TUNING),
            Map.entry("attribute LargeRequestThreshold", NO_SUCH_TUNING),
            Map.entry("attribute FlushDelay", NO_SUCH_TUNING),
            Map.entry("attribute MaxWriteQueuePollTime", NO_SUCH_TUNING),
            Map.entry("attribute MaxBatchSize", NO_SUCH_TUNING));
    }

    private AllowedJmxDifferences() {
    }

    /** What Menagerie's bean of this generalised name may lack. */
    static Set<String> missing(String bean) {
        return new TreeSet<>(MISSING.getOrDefault(bean, Map.of()).keySet());
    }

    /** The name with the client port, client address and session id replaced by placeholders. */
    static String generalise(ObjectName name) {
        return BeanComparison.generalise(name, (key, value, keys) -> value.startsWith("StandaloneServer_port")
                ? "StandaloneServer_port<N>"
                : BeanComparison.underGroup(key, value, keys, "Connections", "<client>", "<session>"));
    }
}
