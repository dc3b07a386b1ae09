package dev.menagerie.api.config;

import java.util.Objects;

/**
 * One {@code server.N} line of zoo.cfg, with the {@code group.G} and {@code weight.N} that apply to it.
 *
 * @param id the server id N (the {@code myid} of that server), 0 to 254 when TTL nodes are enabled
 * @param quorumAddress where followers connect to the leader (the first port)
 * @param electionAddress where leader election connects (the second port)
 * @param clientAddress the client address from the 3.5+ {@code ;[host:]port} suffix, or null when absent
 * @param type participant or observer
 * @param group the hierarchical group id, or {@link #NO_GROUP} when zoo.cfg has no {@code group.G} lines
 * @param weight the vote weight, 1 unless {@code weight.N} says otherwise; 0 means the member never votes
 */
public record QuorumMember(long id, HostPort quorumAddress, HostPort electionAddress, HostPort clientAddress,
        LearnerType type, long group, long weight) {

    /** The group of a member when the configuration declares no groups. */
    public static final long NO_GROUP = -1L;

    public QuorumMember {
        Objects.requireNonNull(quorumAddress, "quorumAddress");
        Objects.requireNonNull(electionAddress, "electionAddress");
        Objects.requireNonNull(type, "type");
        if (weight < 0) {
            throw new IllegalArgumentException("weight must not be negative: " + weight);
        }
    }

    /** True for a participant whose weight is above zero. */
    public boolean votes() {
        return type == LearnerType.PARTICIPANT && weight > 0;
    }
}
