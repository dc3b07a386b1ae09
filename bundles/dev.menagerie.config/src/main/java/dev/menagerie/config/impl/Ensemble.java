package dev.menagerie.config.impl;

import dev.menagerie.api.config.QuorumMember;
import java.util.List;
import java.util.Map;

/**
 * The members named by {@code server.N}, {@code group.G} and {@code weight.N}, already checked against each other.
 *
 * @param members sorted by id
 * @param lines the server lines by id, for messages and the client address of this server
 * @param hasGroups whether any {@code group.G} line exists (selects the hierarchical verifier by default)
 */
record Ensemble(List<QuorumMember> members, Map<Long, ServerLine> lines, boolean hasGroups) {

    long participantCount() {
        return members.stream().filter(m -> m.type() == dev.menagerie.api.config.LearnerType.PARTICIPANT).count();
    }

    long observerCount() {
        return members.size() - participantCount();
    }

    long voterCount() {
        return members.stream().filter(QuorumMember::votes).count();
    }

    boolean isEmpty() {
        return members.isEmpty();
    }
}
