package dev.menagerie.admin.impl.command;

import dev.menagerie.api.config.HostPort;
import dev.menagerie.api.config.QuorumMember;
import dev.menagerie.api.config.ServerConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code configuration} ({@code conf}, {@code config}): the configuration in force. The first fields carry Apache
 * ZooKeeper's names and meanings; the rest are Menagerie's, in the same snake_case style.
 */
public final class ConfigurationCommand implements AdminCommand {

    /** Apache reports -1 for a client port that is not configured. */
    static final int NO_PORT = -1;
    /**
     * Apache's -1, the transport's default backlog: the config bundle accepts only -1 for clientPortListenBacklog
     * and warns that any other value is not applied.
     */
    static final int TRANSPORT_DEFAULT_BACKLOG = -1;
    static final String VERSION_FOLDER = "version-2";

    private final Supplier<ServerConfig> config;

    public ConfigurationCommand(Supplier<ServerConfig> config) {
        this.config = config;
    }

    @Override
    public String primaryName() {
        return "configuration";
    }

    @Override
    public Set<String> names() {
        return Set.of("configuration", "conf", "config");
    }

    @Override
    public CommandResponse run(CommandRequest request) {
        ServerConfig current = config.get();
        if (current == null) {
            return CommandResponse.failed(primaryName(), CommandResponse.HTTP_UNAVAILABLE,
                    "No configuration has been published yet");
        }
        return CommandResponse.ok(primaryName(), fields(current));
    }

    static Map<String, Object> fields(ServerConfig config) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("client_port", config.clientAddress().map(HostPort::port).orElse(NO_PORT));
        // As Apache: the folders that hold the files, version-2 under zoo.cfg's dataDir and dataLogDir.
        fields.put("data_dir", config.dataDir().resolve(VERSION_FOLDER).toString());
        fields.put("data_log_dir", config.dataLogDir().resolve(VERSION_FOLDER).toString());
        fields.put("tick_time", config.tickTimeMs());
        fields.put("max_client_cnxns", config.maxClientCnxns());
        fields.put("min_session_timeout", config.minSessionTimeoutMs());
        fields.put("max_session_timeout", config.maxSessionTimeoutMs());
        fields.put("server_id", config.myId().orElse(0L));
        fields.put("client_port_listen_backlog", TRANSPORT_DEFAULT_BACKLOG);
        fields.put("client_address", config.clientAddress().map(HostPort::toString).orElse(null));
        fields.put("secure_client_address", config.secureClientAddress().map(HostPort::toString).orElse(null));
        fields.put("init_limit", config.initLimitTicks());
        fields.put("sync_limit", config.syncLimitTicks());
        fields.put("global_outstanding_limit", config.globalOutstandingLimit());
        fields.put("snap_count", config.snapCount());
        fields.put("pre_alloc_size", config.preAllocSizeBytes());
        fields.put("force_sync", config.forceSync());
        fields.put("jute_max_buffer", config.juteMaxBufferBytes());
        fields.put("autopurge_snap_retain_count", config.autopurgeSnapRetainCount());
        fields.put("autopurge_purge_interval", config.autopurgeIntervalHours());
        fields.put("standalone", config.standalone());
        fields.put("servers", servers(config.members()));
        fields.put("config_file", config.configFile().toString());
        fields.put("config_revision", config.revision());
        return fields;
    }

    /** Each member as its zoo.cfg line, which operators already know how to read. */
    private static List<String> servers(List<QuorumMember> members) {
        List<String> lines = new ArrayList<>();
        for (QuorumMember member : members) {
            StringBuilder line = new StringBuilder("server.").append(member.id()).append('=')
                    .append(member.quorumAddress()).append(':').append(member.electionAddress().port())
                    .append(':').append(member.type().configName());
            if (member.clientAddress() != null) {
                line.append(';').append(member.clientAddress());
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
