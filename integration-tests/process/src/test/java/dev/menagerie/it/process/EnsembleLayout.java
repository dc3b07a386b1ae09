package dev.menagerie.it.process;

import dev.menagerie.testing.FreePorts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Who is in an ensemble on 127.0.0.1 and on which ports, and the zoo.cfg text every member gets: the same lines for
 * Menagerie and Apache ZooKeeper, except each member's own dataDir, client and admin port (and peerType for an
 * observer). Voters are numbered 1..voters, observers after them.
 *
 * @param tickTimeMs tickTime; initLimit and syncLimit are counted in it
 * @param groups hierarchical quorum groups (server ids per group, each member weight 1); empty for majority
 * @param template a zoo.cfg to copy for every member instead of the generated text (empty for none), see
 *     {@link #withTemplate}
 * @param serverHost the host of every server.N line, a name or address of 127.0.0.1
 * @param routes where each member reaches the others, see {@link #withRoutes}
 * @param clientPortsInLines whether server.N lines end with Apache 3.5's {@code ;<client port>}, see
 *     {@link #withClientPortsInServerLines}
 */
public record EnsembleLayout(List<Member> members, int tickTimeMs, int initLimitTicks, int syncLimitTicks,
        List<List<Integer>> groups, String template, String serverHost, Routes routes, boolean clientPortsInLines) {

    /** The quorum and election ports through which member {@code from} reaches member {@code to}. */
    @FunctionalInterface
    public interface Routes {
        Routes DIRECT = (from, to) -> to;

        /** {@code to} itself, or a copy with other quorum and election ports (a proxy's). */
        Member route(int from, Member to);
    }

    /** One server and its four loopback ports. */
    public record Member(int id, boolean observer, int clientPort, int quorumPort, int electionPort, int adminPort) {

        /**
         * The server.N value: host, quorum and election port, the learner type for an observer, and when asked
         * the client port.
         */
        String serverLine(String host, boolean withClientPort) {
            return host + ":" + quorumPort + ":" + electionPort + (observer ? ":observer" : "")
                    + (withClientPort ? ";127.0.0.1:" + clientPort : "");
        }
    }

    public EnsembleLayout {
        members = List.copyOf(members);
        groups = groups.stream().map(List::copyOf).toList();
    }

    /** {@code voters} participants and {@code observers} observers, majority quorums, fresh free ports. */
    public static EnsembleLayout of(int voters, int observers, int tickTimeMs, int initLimitTicks,
            int syncLimitTicks) {
        List<Member> members = new ArrayList<>();
        for (int id = 1; id <= voters + observers; id++) {
            members.add(new Member(id, id > voters, FreePorts.next(), FreePorts.next(), FreePorts.next(),
                    FreePorts.next()));
        }
        return new EnsembleLayout(members, tickTimeMs, initLimitTicks, syncLimitTicks, List.of(), "", "127.0.0.1",
                Routes.DIRECT, false);
    }

    /** The same members with hierarchical quorums: {@code group.G} lines and weight 1 for everyone. */
    public EnsembleLayout withGroups(List<List<Integer>> groupsOfIds) {
        return new EnsembleLayout(members, tickTimeMs, initLimitTicks, syncLimitTicks, groupsOfIds, template,
                serverHost, routes, clientPortsInLines);
    }

    /**
     * The same members, each configured with a copy of {@code zooCfg} (such as conf/zoo-ensemble-example.cfg)
     * made the way its comments tell a user to: only dataDir, clientPort and admin.serverPort change per member.
     * The server.N lines get this layout's free ports, since the example's fixed ones may be taken here.
     */
    public EnsembleLayout withTemplate(String zooCfg) {
        return new EnsembleLayout(members, tickTimeMs, initLimitTicks, syncLimitTicks, groups, zooCfg, serverHost,
                routes, clientPortsInLines);
    }

    /**
     * The same members with {@code host} in their server.N lines instead of 127.0.0.1: a name of the loopback
     * address, for Kerberos, whose principals name hosts.
     */
    public EnsembleLayout withServerHost(String host) {
        return new EnsembleLayout(members, tickTimeMs, initLimitTicks, syncLimitTicks, groups, template, host,
                routes, clientPortsInLines);
    }

    /**
     * The same members, each one's zoo.cfg listing every other member at the ports {@code routes} gives (its own
     * line stays at its real ports, where it listens): a proxy per ordered pair of servers can then cut, stall or
     * slow one link. Only for a static configuration (no reconfig), where servers do not compare their lists.
     */
    public EnsembleLayout withRoutes(Routes peerRoutes) {
        return new EnsembleLayout(members, tickTimeMs, initLimitTicks, syncLimitTicks, groups, template, serverHost,
                peerRoutes, clientPortsInLines);
    }

    /**
     * The same members with {@code ;127.0.0.1:<client port>} at the end of their server.N lines, as Apache 3.5+
     * writes them, so tools that read the configuration (the web console) know where each member serves clients.
     */
    public EnsembleLayout withClientPortsInServerLines() {
        return new EnsembleLayout(members, tickTimeMs, initLimitTicks, syncLimitTicks, groups, template, serverHost,
                routes, true);
    }

    public Member member(int id) {
        return members.stream().filter(m -> m.id() == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no server " + id + " in " + members));
    }

    /** How long a follower may lag or be silent before the leader drops it. */
    public long syncLimitMs() {
        return (long) tickTimeMs * syncLimitTicks;
    }

    /** Every member's client address, as a client's connect string. */
    public String connectString() {
        return members.stream().map(m -> "127.0.0.1:" + m.clientPort()).collect(Collectors.joining(","));
    }

    /** The complete zoo.cfg of member {@code id} whose data directory is {@code dataDir}. */
    public String configText(int id, Path dataDir) {
        Member self = member(id);
        if (!template.isEmpty()) {
            return copyOfTemplate(self, dataDir);
        }
        StringBuilder text = new StringBuilder()
                .append("tickTime=").append(tickTimeMs).append('\n')
                .append("initLimit=").append(initLimitTicks).append('\n')
                .append("syncLimit=").append(syncLimitTicks).append('\n')
                .append("dataDir=").append(dataDir.toAbsolutePath()).append('\n')
                .append("clientPort=").append(self.clientPort()).append('\n')
                .append("clientPortAddress=127.0.0.1\n")
                .append("forceSync=yes\n")
                .append("4lw.commands.whitelist=*\n")
                .append("admin.serverAddress=127.0.0.1\n")
                .append("admin.serverPort=").append(self.adminPort()).append('\n');
        if (self.observer()) {
            text.append("peerType=observer\n");
        }
        for (Member member : members) {
            text.append("server.").append(member.id()).append('=')
                    .append(seenBy(id, member).serverLine(serverHost, clientPortsInLines)).append('\n');
        }
        for (int g = 0; g < groups.size(); g++) {
            text.append("group.").append(g + 1).append('=').append(groups.get(g).stream().map(String::valueOf)
                    .collect(Collectors.joining(":"))).append('\n');
        }
        if (!groups.isEmpty()) {
            groups.stream().flatMap(List::stream).sorted()
                    .forEach(member -> text.append("weight.").append(member).append("=1\n"));
        }
        return text.toString();
    }

    /** {@code member} as {@code viewer}'s zoo.cfg lists it. */
    private Member seenBy(int viewer, Member member) {
        return member.id() == viewer ? member : routes.route(viewer, member);
    }

    private String copyOfTemplate(Member self, Path dataDir) {
        StringBuilder text = new StringBuilder();
        for (String line : template.split("\n", -1)) {
            String key = line.contains("=") && !line.startsWith("#") ? line.substring(0, line.indexOf('=')).trim()
                    : "";
            text.append(switch (key) {
                case "dataDir" -> "dataDir=" + dataDir.toAbsolutePath();
                case "clientPort" -> "clientPort=" + self.clientPort();
                case "admin.serverPort" -> "admin.serverPort=" + self.adminPort();
                default -> key.startsWith("server.")
                        ? key + "=" + seenBy(self.id(), member(Integer.parseInt(key.substring("server.".length()))))
                                .serverLine(serverHost, clientPortsInLines)
                        : line;
            }).append('\n');
        }
        return text.toString();
    }
}
