package dev.menagerie.election.fle.impl;

import dev.menagerie.api.config.HostPort;
import dev.menagerie.api.config.LearnerType;
import dev.menagerie.api.config.QuorumMember;
import dev.menagerie.api.quorum.QuorumVerifier;
import dev.menagerie.api.quorum.QuorumVerifierFactory;
import dev.menagerie.testing.Components;
import java.util.ArrayList;
import java.util.List;

/** Real verifiers from the quorum bundles, made from their QuorumVerifierFactory services. */
public final class Quorums {

    private Quorums() {
    }

    /** Participants 1..voters, then observers voters+1..voters+observers. */
    public static QuorumVerifier majority(int voters, int observers) {
        List<QuorumMember> members = new ArrayList<>();
        for (long id = 1; id <= voters + observers; id++) {
            members.add(member(id, id <= voters ? LearnerType.PARTICIPANT : LearnerType.OBSERVER, -1, 1));
        }
        return factory("majority").create(members);
    }

    /** The verifier bundle's factory service with {@code type=<type>}. */
    static QuorumVerifierFactory factory(String type) {
        return Components.create(QuorumVerifierFactory.class, QuorumVerifierFactory.TYPE, type).service();
    }

    /** Members given as {id, group, weight}; group -1 makes an observer. */
    public static QuorumVerifier hierarchical(long[]... idGroupWeight) {
        List<QuorumMember> members = new ArrayList<>();
        for (long[] m : idGroupWeight) {
            LearnerType type = m[1] < 0 ? LearnerType.OBSERVER : LearnerType.PARTICIPANT;
            members.add(member(m[0], type, m[1] < 0 ? QuorumMember.NO_GROUP : m[1], m[2]));
        }
        return factory("hierarchical").create(members);
    }

    private static QuorumMember member(long id, LearnerType type, long group, long weight) {
        return new QuorumMember(id, new HostPort("127.0.0.1", 2000 + (int) id),
                new HostPort("127.0.0.1", 3000 + (int) id), null, type, group, weight);
    }
}
