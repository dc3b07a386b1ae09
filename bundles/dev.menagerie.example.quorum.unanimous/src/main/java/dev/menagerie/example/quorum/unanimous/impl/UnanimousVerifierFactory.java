package dev.menagerie.example.quorum.unanimous.impl;

import dev.menagerie.api.config.QuorumMember;
import dev.menagerie.api.quorum.QuorumVerifier;
import dev.menagerie.api.quorum.QuorumVerifierFactory;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * A verifier plugin in one class plus its verifier. The {@code type} service property is the name zoo.cfg uses to
 * select it: {@code quorumVerifier=unanimous}.
 */
@Component(property = QuorumVerifierFactory.TYPE + "=" + UnanimousVerifierFactory.TYPE_NAME)
public final class UnanimousVerifierFactory implements QuorumVerifierFactory {

    static final String TYPE_NAME = "unanimous";

    @Override
    public QuorumVerifier create(List<QuorumMember> members) {
        Set<Long> seen = new HashSet<>();
        Set<Long> voters = new HashSet<>();
        for (QuorumMember member : members) {
            if (!seen.add(member.id())) {
                throw new IllegalArgumentException("server." + member.id() + " appears more than once");
            }
            if (member.votes()) {
                voters.add(member.id());
            }
        }
        // Reject what cannot work with a message for the operator; the server logs it as one line.
        if (voters.isEmpty()) {
            throw new IllegalArgumentException("a unanimous quorum needs at least one participant with a weight above 0");
        }
        return new UnanimousQuorumVerifier(voters);
    }
}
