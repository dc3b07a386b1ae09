package dev.menagerie.it.process.jmx;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.management.ObjectName;

/**
 * What Menagerie's quorum beans leave out of Apache ZooKeeper 3.9.5's, each with its reason; docs/operations.md
 * ("JMX") lists the same. Left out rather than reported with made-up values.
 */
final class AllowedQuorumJmxDifferences {

    private static final String LEADER = "org.apache.ZooKeeperService:name0=ReplicatedServer_id<self>,"
            + "name1=replica.<self>,name2=Leader";

    /**
     * Beans Menagerie does not register, by role: none. (The leader's {@code Learner_Connections} beans, one per
     * connected learner, are compared like the others.)
     */
    static final Map<String, Set<String>> MISSING_BEANS = Map.of("leader", Set.of(), "follower", Set.of());

    private static final String ENSEMBLE = "org.apache.ZooKeeperService:name0=ReplicatedServer_id<self>";
    private static final String FOLLOWER = ENSEMBLE + ",name1=replica.<self>,name2=Follower";
    private static final String NO_SYNC_THROTTLE = "Menagerie's leader does not limit concurrent syncs";
    private static final String LEARNERS = "the status reports each learner's id and address, not the queue, sync"
            + " and ack state Apache prints for each";

    private static final Map<String, Map<String, String>> MISSING = Map.of(
            ENSEMBLE, Map.of(
                    "attribute SslQuorum", AllowedJmxDifferences.NOT_IN_STATUS,
                    "attribute PortUnification", AllowedJmxDifferences.NOT_IN_STATUS,
                    "attribute ObserverElectionDelayMS", AllowedJmxDifferences.NOT_IN_STATUS,
                    "attribute DigestEnabled", AllowedJmxDifferences.NOT_IN_STATUS,
                    "operation disableDigest", "Menagerie cannot turn digests off at run time"),
            ENSEMBLE + ",name1=replica.<self>", Map.of(
                    "attribute Tick", "the peer's tick counter is not reported by the ServerStatus service",
                    "attribute MaxCnxns", AllowedJmxDifferences.NOT_IN_STATUS),
            LEADER, role(Map.of(
                    "attribute MaxConcurrentSnapSyncs", NO_SYNC_THROTTLE,
                    "attribute MaxConcurrentDiffSyncs", NO_SYNC_THROTTLE,
                    "operation followerInfo", LEARNERS,
                    "operation nonVotingFollowerInfo", LEARNERS)),
            FOLLOWER, role(Map.of(
                    "attribute QuorumAddress", "Apache prints its socket to the leader, local port included; the"
                            + " status does not report that socket",
                    "attribute LastQueuedZxid", AllowedJmxDifferences.NOT_IN_STATUS,
                    "attribute PendingRevalidationCount", AllowedJmxDifferences.NOT_IN_STATUS,
                    "attribute ObserverMasterPacketSizeLimit", "Menagerie has no observer master",
                    "attribute MaxConcurrentSnapSyncs", NO_SYNC_THROTTLE,
                    "attribute MaxConcurrentDiffSyncs", NO_SYNC_THROTTLE)));

    /** The server bean's omissions, and the role's own. */
    private static Map<String, String> role(Map<String, String> own) {
        Map<String, String> all = new TreeMap<>(AllowedJmxDifferences.serverBeanMissing());
        all.putAll(own);
        return all;
    }

    private AllowedQuorumJmxDifferences() {
    }

    /** What Menagerie's bean of this generalised name may lack. */
    static Set<String> missing(String bean) {
        return new TreeSet<>(MISSING.getOrDefault(bean, Map.of()).keySet());
    }

    /**
     * The name with this server's id as {@code <self>}, another member's as {@code <other>}, and a connection's
     * client address and session id as placeholders.
     */
    static String generalise(ObjectName name, int selfId) {
        return BeanComparison.generalise(name, (key, value, keys) -> {
            if (value.equals("ReplicatedServer_id" + selfId)) {
                return "ReplicatedServer_id<self>";
            }
            if (key.equals("name1")) {
                return value.equals("replica." + selfId) ? "replica.<self>" : "replica.<other>";
            }
            String learner = BeanComparison.underGroup(key, value, keys, "Learner_Connections", "<learner>", "<sid>");
            return BeanComparison.underGroup(key, learner, keys, "Connections", "<client>", "<session>");
        });
    }
}
