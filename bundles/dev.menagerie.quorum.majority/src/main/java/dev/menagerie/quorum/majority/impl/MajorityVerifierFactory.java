package dev.menagerie.quorum.majority.impl;

import dev.menagerie.api.config.LearnerType;
import dev.menagerie.api.config.QuorumMember;
import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.quorum.QuorumVerifier;
import dev.menagerie.api.quorum.QuorumVerifierFactory;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * The default verifier. Every participant votes once; observers never vote. Weights are ignored on purpose:
 * Apache ZooKeeper's QuorumMaj ignores {@code weight.N} too (weights only matter with groups), so a zoo.cfg that
 * carries weights without groups keeps the quorum it had under ZooKeeper.
 */
@Component(property = QuorumVerifierFactory.TYPE + "=" + ServerConfig.DEFAULT_VERIFIER)
public final class MajorityVerifierFactory implements QuorumVerifierFactory {

    @Override
    public QuorumVerifier create(List<QuorumMember> members) {
        Set<Long> seen = new HashSet<>();
        Set<Long> participants = new HashSet<>();
        for (QuorumMember member : members) {
            if (!seen.add(member.id())) {
                throw new IllegalArgumentException("server." + member.id() + " appears more than once");
            }
            if (member.type() == LearnerType.PARTICIPANT) {
                participants.add(member.id());
            }
        }
        if (participants.isEmpty()) {
            throw new IllegalArgumentException(
                    "a majority quorum needs at least one participant, but every server is an observer");
        }
        return new MajorityQuorumVerifier(participants);
    }
}
