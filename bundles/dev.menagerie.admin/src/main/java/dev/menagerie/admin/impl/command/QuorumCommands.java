package dev.menagerie.admin.impl.command;

import dev.menagerie.api.config.HostPort;
import dev.menagerie.api.config.LearnerType;
import dev.menagerie.api.config.QuorumMember;
import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.status.QuorumStatus;
import dev.menagerie.api.status.ServerStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Apache ZooKeeper's commands about the ensemble ({@code leader}, {@code voting_view}, {@code zabstate},
 * {@code observers}, {@code observer_connection_stat_reset}), from the quorum peer's {@link QuorumStatus} and the
 * members of the configuration in force. A standalone server answers them as Apache's does.
 */
final class QuorumCommands {

    static final String LEADER_MODE = "leader";
    static final String NOT_INITIALIZED = "server is not initialized";

    private QuorumCommands() {
    }

    /** @param config the configuration in force, null before one is published */
    static List<AdminCommand> all(Supplier<ServerConfig> config) {
        return List.of(
                SimpleCommand.onServer(List.of("leader", "lead"), (name, request) -> leader(name, request.server(),
                        config.get())),
                ServerCommands.fields(List.of("voting_view"), status -> Map.of("current_config",
                        status.quorum().replicated() ? votingView(config.get()) : Map.of())),
                SimpleCommand.always(List.of("zabstate"), (name, request) -> CommandResponse.ok(name,
                        zabState(request.server(), config.get()))),
                ServerCommands.fields(List.of("observers", "obsr"), QuorumCommands::observers),
                // Apache zeroes the packet counters of the observers connected to this server; Menagerie's
                // quorum peers keep none per observer, so there is nothing to zero.
                ServerCommands.fields(List.of("observer_connection_stat_reset", "orst"), status -> Map.of()));
    }

    private static CommandResponse leader(String name, ServerStatus status, ServerConfig config) {
        QuorumStatus quorum = status.quorum();
        if (!quorum.replicated()) {
            return CommandResponse.failed(name, CommandResponse.HTTP_OK, NOT_INITIALIZED);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("is_leader", LEADER_MODE.equals(status.summary().mode()));
        fields.put("leader_id", quorum.leaderId());
        fields.put("leader_ip", member(config, quorum.leaderId())
                .map(member -> member.quorumAddress().host()).orElse(""));
        return CommandResponse.ok(name, fields);
    }

    /** The voting members (participants) by id, as Apache's QuorumServerView shows them. */
    static Map<String, Object> votingView(ServerConfig config) {
        Map<String, Object> view = new LinkedHashMap<>();
        if (config == null) {
            return view;
        }
        for (QuorumMember member : config.members()) {
            if (member.type() != LearnerType.PARTICIPANT) {
                continue;
            }
            Map<String, Object> server = new LinkedHashMap<>();
            server.put("server_addresses", List.of(member.quorumAddress().toString()));
            server.put("election_addresses", List.of(member.electionAddress().toString()));
            server.put("client_address", Optional.ofNullable(member.clientAddress()).map(HostPort::toString)
                    .orElse(""));
            server.put("learner_type", member.type().configName());
            view.put(Long.toString(member.id()), server);
        }
        return view;
    }

    private static Map<String, Object> zabState(ServerStatus status, ServerConfig config) {
        Map<String, Object> fields = new LinkedHashMap<>();
        QuorumStatus quorum = status == null ? QuorumStatus.NONE : status.quorum();
        Optional<QuorumMember> me = config == null ? Optional.empty()
                : config.myId().flatMap(id -> member(config, id));
        if (!quorum.replicated() || me.isEmpty()) {
            fields.put("voting", false);
            fields.put("zabstate", "");
            return fields;
        }
        QuorumMember self = me.get();
        long zxid = status.summary().lastZxid();
        fields.put("myid", self.id());
        fields.put("is_leader", LEADER_MODE.equals(status.summary().mode()));
        fields.put("quorum_address", multipleAddresses(self.quorumAddress()));
        fields.put("election_address", multipleAddresses(self.electionAddress()));
        fields.put("client_address", Optional.ofNullable(self.clientAddress()).map(HostPort::toString)
                .orElse(config.clientAddress().map(HostPort::toString).orElse("")));
        fields.put("voting", self.type() == LearnerType.PARTICIPANT);
        fields.put("last_zxid", "0x" + Long.toHexString(zxid));
        fields.put("zab_epoch", zxid >>> 32);
        fields.put("zab_counter", zxid & 0xffffffffL);
        fields.put("zabstate", quorum.zabState());
        return fields;
    }

    /**
     * Apache's MultipleAddresses as its Jackson writes the bean: every getter as a key. A member has one address
     * here, which is also the one reachable; the wildcard address is the port on every interface.
     */
    static Map<String, Object> multipleAddresses(HostPort address) {
        String text = address.toString();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("all_addresses", List.of(text));
        fields.put("all_host_strings", List.of(address.host()));
        fields.put("all_ports", List.of(address.port()));
        fields.put("all_reachable_addresses", List.of(text));
        fields.put("all_reachable_addresses_or_all", List.of(text));
        fields.put("empty", false);
        fields.put("one", text);
        fields.put("reachable_address", text);
        fields.put("reachable_or_one", text);
        fields.put("wildcard_addresses", List.of(new HostPort("0.0.0.0", address.port()).toString()));
        return fields;
    }

    /**
     * Apache lists each synced observer's connection; Menagerie's leader counts them ({@code synced_observers}
     * among its mntr values) but keeps no per-observer details yet, so the list stays empty.
     */
    private static Map<String, Object> observers(ServerStatus status) {
        Object synced = status.quorumMonitorValues().getOrDefault("synced_observers", 0);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("synced_observers", synced);
        fields.put("observers", List.of());
        return fields;
    }

    private static Optional<QuorumMember> member(ServerConfig config, long id) {
        if (config == null) {
            return Optional.empty();
        }
        return config.members().stream().filter(member -> member.id() == id).findFirst();
    }
}
