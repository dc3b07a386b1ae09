package dev.menagerie.api.status;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A learner (follower or observer) connected to this leader's quorum port: what Apache ZooKeeper's leader keeps a
 * LearnerHandler, and a {@code Learner_Connections} MBean, for. It appears once the learner has said who it is
 * (FOLLOWERINFO or OBSERVERINFO) and goes when its connection closes.
 *
 * @param sid the learner's server id
 * @param remoteAddress the learner's end of the connection
 */
public record LearnerConnection(long sid, InetSocketAddress remoteAddress) {

    public LearnerConnection {
        Objects.requireNonNull(remoteAddress, "remoteAddress");
    }
}
