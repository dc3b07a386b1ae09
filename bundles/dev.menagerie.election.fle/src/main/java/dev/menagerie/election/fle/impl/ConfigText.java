package dev.menagerie.election.fle.impl;

import dev.menagerie.api.config.HostPort;
import dev.menagerie.api.config.LearnerType;
import dev.menagerie.api.config.QuorumMember;
import java.util.Comparator;
import java.util.List;

/**
 * The configuration text notifications carry, in the shape of Apache's {@code QuorumMaj.toString()}: one
 * {@code server.N=host:quorumPort:electionPort:type[;clientHost:clientPort]} line per member, then
 * {@code version=0}. Version 0 never exceeds a receiver's own, so a 3.9 peer reads it and changes nothing.
 */
final class ConfigText {

    private ConfigText() {
    }

    static String of(List<QuorumMember> members) {
        StringBuilder text = new StringBuilder();
        members.stream().sorted(Comparator.comparingLong(QuorumMember::id)).forEach(m -> text.append("server.")
                .append(m.id()).append('=').append(serverLine(m)).append('\n'));
        return text.append("version=0").toString();
    }

    private static String serverLine(QuorumMember m) {
        HostPort quorum = m.quorumAddress();
        String line = quorum + ":" + m.electionAddress().port() + ":"
                + (m.type() == LearnerType.OBSERVER ? "observer" : "participant");
        return m.clientAddress() == null ? line : line + ";" + m.clientAddress();
    }
}
