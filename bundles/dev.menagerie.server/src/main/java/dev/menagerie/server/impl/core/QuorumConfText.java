package dev.menagerie.server.impl.core;

import dev.menagerie.api.config.LearnerType;
import dev.menagerie.api.config.QuorumMember;
import dev.menagerie.api.config.ServerConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The lines Apache's {@code conf} four-letter word adds on a quorum member (QuorumZooKeeperServer.dumpConf):
 * limits, election algorithm, ports, peer type, then "membership: " and the verifier's text (server lines, then
 * group and weight lines for hierarchical quorums, then the version, without a final newline).
 */
final class QuorumConfText {

    private QuorumConfText() {
    }

    /** Empty for a standalone server. */
    static String of(ServerConfig config) {
        if (config.standalone() || config.myId().isEmpty()) {
            return "";
        }
        long myId = config.myId().get();
        Optional<QuorumMember> me = config.members().stream().filter(m -> m.id() == myId).findFirst();
        if (me.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        out.append("initLimit=").append(config.initLimitTicks()).append('\n');
        out.append("syncLimit=").append(config.syncLimitTicks()).append('\n');
        out.append("electionAlg=3\n");
        out.append("electionPort=").append(me.get().electionAddress().port()).append('\n');
        out.append("quorumPort=").append(me.get().quorumAddress().port()).append('\n');
        out.append("peerType=").append(me.get().type() == LearnerType.OBSERVER ? 1 : 0).append('\n');
        out.append("membership: \n");
        return out.append(membership(config.members())).toString();
    }

    private static String membership(List<QuorumMember> members) {
        List<QuorumMember> sorted = members.stream().sorted(Comparator.comparingLong(QuorumMember::id)).toList();
        StringBuilder out = new StringBuilder();
        for (QuorumMember m : sorted) {
            out.append("server.").append(m.id()).append('=').append(m.quorumAddress()).append(':')
                    .append(m.electionAddress().port()).append(':')
                    .append(m.type() == LearnerType.OBSERVER ? "observer" : "participant");
            if (m.clientAddress() != null) {
                out.append(';').append(m.clientAddress());
            }
            out.append('\n');
        }
        TreeMap<Long, List<String>> groups = new TreeMap<>();
        for (QuorumMember m : sorted) {
            if (m.group() != QuorumMember.NO_GROUP) {
                groups.computeIfAbsent(m.group(), g -> new ArrayList<>()).add(Long.toString(m.id()));
            }
        }
        if (!groups.isEmpty()) {
            groups.forEach((group, ids) -> out.append("group.").append(group).append('=')
                    .append(String.join(":", ids)).append('\n'));
            for (QuorumMember m : sorted) {
                out.append("weight.").append(m.id()).append('=').append(m.weight()).append('\n');
            }
        }
        return out.append("version=0").toString();
    }
}
