package dev.menagerie.admin.impl.gogo;

import dev.menagerie.api.config.QuorumMember;
import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.status.QuorumStatus;
import dev.menagerie.api.status.ServerStatus;
import dev.menagerie.api.status.ServerSummary;
import java.util.Locale;
import java.util.Map;

/**
 * The server's part of {@code menagerie:status}: whether it serves, its last zxid, and in an ensemble the leader,
 * the Zab phase, the members and, on the leader, how many learners are synced (the only lag a server knows).
 */
final class EnsembleText {

    private EnsembleText() {
    }

    static String format(ServerConfig config, ServerStatus server) {
        StringBuilder text = new StringBuilder();
        if (server == null) {
            return text.toString();
        }
        ServerSummary summary = server.summary();
        line(text, "serving", summary.serving() ? "yes" : "no");
        line(text, "zxid", "0x" + Long.toHexString(summary.lastZxid()));
        line(text, "clients", Counted.of(summary.connectionCount(), "connection") + ", "
                + Counted.of(server.sessions().sessionCount(), "session") + ", "
                + Counted.of(summary.outstandingRequests(), "outstanding request"));
        QuorumStatus quorum = server.quorum();
        if (!quorum.replicated()) {
            return text.toString();
        }
        line(text, "leader", (quorum.leaderId() < 0 ? "none" : String.valueOf(quorum.leaderId()))
                + " (zab phase " + quorum.zabState() + ")");
        Map<String, Object> values = server.quorumMonitorValues();
        if (values.containsKey("synced_followers")) {
            line(text, "synced", values.get("synced_followers") + " followers, " + values.get("synced_observers")
                    + " observers of " + values.get("learners") + " learners");
        }
        if (config != null) {
            members(text, config, quorum.leaderId());
        }
        return text.toString();
    }

    private static void members(StringBuilder text, ServerConfig config, long leaderId) {
        text.append("members: ").append(config.members().size()).append(System.lineSeparator());
        long myId = config.myId().orElse(-1L);
        for (QuorumMember member : config.members()) {
            text.append("  ").append(member.id()).append(' ')
                    .append(member.type().name().toLowerCase(Locale.ROOT)).append(' ')
                    .append(member.quorumAddress()).append(':').append(member.electionAddress().port());
            if (member.clientAddress() != null) {
                text.append(" client ").append(member.clientAddress());
            }
            if (member.id() == leaderId) {
                text.append(" [leader]");
            }
            if (member.id() == myId) {
                text.append(" [this server]");
            }
            text.append(System.lineSeparator());
        }
    }

    static void line(StringBuilder text, String label, String value) {
        text.append(String.format("%-12s %s%n", label + ":", value));
    }
}
