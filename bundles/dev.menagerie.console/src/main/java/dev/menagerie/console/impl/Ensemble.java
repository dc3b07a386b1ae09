package dev.menagerie.console.impl;

import dev.menagerie.api.config.HostPort;
import dev.menagerie.api.config.QuorumMember;
import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.status.QuorumStatus;
import dev.menagerie.api.status.ServerStatus;
import dev.menagerie.api.status.ServerSummary;
import dev.menagerie.console.impl.PeerProbe.PeerState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ensemble as this server sees it: itself from its status, the other members from their {@code srvr} answers
 * (refreshed by {@link #probePeers}), and each member's lag, the transactions it is behind the newest zxid of the
 * same epoch among the members.
 */
final class Ensemble {

    /** The members' answers by server id, replaced whole on each probe round. */
    private volatile Map<Long, PeerState> peers = Map.of();

    /** Probes every other member; a bounded round of at most one timeout each. */
    void probePeers(ServerConfig config) {
        if (config == null || config.standalone()) {
            peers = Map.of();
            return;
        }
        Map<Long, PeerState> found = new HashMap<>();
        long self = config.myId().orElse(-1L);
        for (QuorumMember member : config.members()) {
            if (member.id() != self) {
                found.put(member.id(), clientAddress(member, config)
                        .map(PeerProbe::probe)
                        .orElse(PeerState.unreachable("its client port is unknown: add ;<clientPort> to its server."
                                + member.id() + " line")));
            }
        }
        peers = Map.copyOf(found);
    }

    /**
     * Where a member serves clients: the {@code ;[host:]port} of its server.N line, or else its quorum host with
     * this server's client port (members usually share one), unless that is this server's own address.
     */
    static Optional<HostPort> clientAddress(QuorumMember member, ServerConfig config) {
        HostPort address = member.clientAddress();
        if (address == null) {
            Optional<HostPort> own = config.clientAddress();
            if (own.isEmpty()) {
                return Optional.empty();
            }
            HostPort guess = new HostPort(member.quorumAddress().host(), own.get().port());
            return guess.equals(own.get()) ? Optional.empty() : Optional.of(guess);
        }
        // A wildcard listen address is reached through the member's quorum host.
        boolean wildcard = address.host().equals("0.0.0.0") || address.host().equals("::");
        return Optional.of(wildcard ? new HostPort(member.quorumAddress().host(), address.port()) : address);
    }

    Map<String, Object> toMap(ServerStatus status, ServerConfig config, ElectionWatch election) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (status == null) {
            map.put("serving", false);
            map.put("mode", "not running");
            map.put("members", List.of());
            map.put("election", election.toMap());
            return map;
        }
        ServerSummary summary = status.summary();
        QuorumStatus quorum = status.quorum();
        map.put("version", status.version());
        map.put("mode", summary.mode());
        map.put("serving", summary.serving());
        map.put("zxid", hex(summary.lastZxid()));
        map.put("leader_id", quorum.leaderId() < 0 ? null : quorum.leaderId());
        map.put("zab_state", quorum.zabState());
        map.put("connections", summary.connectionCount());
        map.put("outstanding_requests", summary.outstandingRequests());
        map.put("uptime_ms", summary.uptimeMs());
        map.put("members", members(summary, config));
        map.put("election", election.toMap());
        map.put("quorum_values", status.quorumMonitorValues());
        return map;
    }

    private List<Map<String, Object>> members(ServerSummary self, ServerConfig config) {
        List<Row> rows = new ArrayList<>();
        if (config == null || config.standalone()) {
            rows.add(new Row(config == null ? null : config.myId().orElse(null), "this server", "participant",
                    new PeerState(self.mode(), self.lastZxid(), null), true));
        } else {
            long selfId = config.myId().orElse(-1L);
            Map<Long, PeerState> answers = peers;
            for (QuorumMember member : config.members()) {
                boolean isSelf = member.id() == selfId;
                PeerState state = isSelf ? new PeerState(self.mode(), self.lastZxid(), null)
                        : answers.getOrDefault(member.id(), PeerState.unreachable("not probed yet"));
                rows.add(new Row(member.id(), clientAddress(member, config).map(HostPort::toString)
                        .orElse(member.quorumAddress().host()), member.type().toString().toLowerCase(), state, isSelf));
            }
        }
        long newest = rows.stream().filter(r -> r.state.zxid() != null).mapToLong(r -> r.state.zxid()).max()
                .orElse(0);
        List<Map<String, Object>> members = new ArrayList<>();
        for (Row row : rows) {
            members.add(row.toMap(newest));
        }
        return members;
    }

    private record Row(Long id, String address, String type, PeerState state, boolean self) {

        Map<String, Object> toMap(long newestZxid) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("id", id);
            map.put("address", address);
            map.put("type", type);
            map.put("self", self);
            map.put("mode", state.mode());
            map.put("zxid", state.zxid() == null ? null : hex(state.zxid()));
            map.put("lag", lag(newestZxid));
            map.put("error", state.error());
            return map;
        }

        /** Transactions behind the newest zxid, when both are of the same epoch (else unknown: null). */
        private Long lag(long newestZxid) {
            Long zxid = state.zxid();
            if (zxid == null || (zxid >>> 32) != (newestZxid >>> 32)) {
                return null;
            }
            return (newestZxid & 0xffffffffL) - (zxid & 0xffffffffL);
        }
    }

    static String hex(long zxid) {
        return "0x" + Long.toHexString(zxid);
    }
}
