package dev.menagerie.server.impl.cnxn;

import dev.menagerie.server.impl.core.ServerSettings;
import dev.menagerie.server.impl.core.ZooKeeperServer;
import dev.menagerie.server.impl.stats.ServerStats;
import dev.menagerie.server.impl.watch.WatchReports;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The four-letter words sent on the client port (echo ruok | nc host 2181), with Apache ZooKeeper 3.9's output
 * formats and its whitelist ({@code 4lw.commands.whitelist}; srvr only by default).
 */
final class FourLetterWords {

    /** The version clients and tools see: Apache's protocol version, then ours. */
    static final String VERSION = "3.9.5-menagerie-1.0.0, built on 2026-11-26 00:00 UTC";

    /** Apache's answer to most words while a quorum peer is electing or syncing. */
    static final String NOT_SERVING = "This ZooKeeper instance is not currently serving requests";

    /** The words that answer {@link #NOT_SERVING} then, as Apache's commands that check isZKServerRunning. */
    private static final Set<String> NEED_SERVING = Set.of("srvr", "stat", "mntr", "conf", "cons", "crst", "dirs",
            "dump", "srst", "wchs", "wchc", "wchp", "hash", "isro");

    private static final Set<String> KNOWN = Set.of("ruok", "srvr", "stat", "mntr", "conf", "cons", "envi", "wchs",
            "wchc", "wchp", "dump", "isro", "dirs", "crst", "srst", "gtmk", "stmk", "hash");

    private final ZooKeeperServer server;
    private final ClientProtocolHandler connections;

    FourLetterWords(ZooKeeperServer server, ClientProtocolHandler connections) {
        this.server = server;
        this.connections = connections;
    }

    /** The answer to {@code command}, or null for a word that is not a command (the connection is closed). */
    String answer(String command) {
        if (!KNOWN.contains(command)) {
            return null;
        }
        Set<String> allowed = server.settings().fourLetterWords();
        if (!allowed.contains("*") && !allowed.contains(command)) {
            return command + " is not executed because it is not in the whitelist.\n";
        }
        if (!server.serving() && NEED_SERVING.contains(command)) {
            return switch (command) {
                case "isro" -> "null";
                case "hash" -> NOT_SERVING;
                default -> NOT_SERVING + "\n";
            };
        }
        return switch (command) {
            case "ruok" -> "imok";
            case "isro" -> "rw";
            case "srvr" -> version() + serverStats() + "Node count: " + server.tree().nodeCount() + "\n";
            case "stat" -> version() + "Clients:\n" + clientLines(true) + "\n" + serverStats() + "Node count: "
                    + server.tree().nodeCount() + "\n";
            case "cons" -> clientLines(false) + "\n";
            case "conf" -> conf();
            case "envi" -> envi();
            case "mntr" -> mntr();
            case "wchs" -> WatchReports.summary(server.watches().dataWatches());
            case "wchc" -> WatchReports.byConnection(server.watches().dataWatches());
            case "wchp" -> WatchReports.byPath(server.watches().dataWatches());
            case "dump" -> dump();
            case "dirs" -> "datadir_size: " + size(server.settings().dataDir()) + "\nlogdir_size: "
                    + size(server.settings().dataLogDir()) + "\n";
            case "crst" -> {
                connections.connections().forEach(c -> c.stats().reset());
                yield "Connection stats reset.\n";
            }
            case "srst" -> {
                server.stats().reset();
                yield "Server stats reset.\n";
            }
            case "gtmk" -> "0\n";
            case "stmk" -> "0\n";
            default -> "digest of the tree: " + server.tree().digest() + "\n";
        };
    }

    private static String version() {
        return "Zookeeper version: " + VERSION + "\n";
    }

    private String serverStats() {
        ServerStats stats = server.stats();
        return "Latency min/avg/max: " + stats.latency() + "\n"
                + "Received: " + stats.packetsReceived() + "\n"
                + "Sent: " + stats.packetsSent() + "\n"
                + "Connections: " + connections.connectionCount() + "\n"
                + "Outstanding: " + server.queuedRequests() + "\n"
                + "Zxid: 0x" + Long.toHexString(server.lastProcessedZxid()) + "\n"
                + "Mode: " + server.mode() + "\n";
    }

    /** Apache's dumpConnectionInfo: brief for stat, full for cons. */
    private String clientLines(boolean brief) {
        StringBuilder out = new StringBuilder();
        for (ClientConnection client : connections.connections()) {
            ConnectionStats s = client.stats();
            out.append(' ').append(client.transport().remoteAddress()).append("[1](queued=").append(s.outstanding())
                    .append(",recved=").append(s.packetsReceived()).append(",sent=").append(s.packetsSent());
            if (!brief && s.sessionId() != 0) {
                out.append(",sid=0x").append(Long.toHexString(s.sessionId()))
                        .append(",lop=").append(s.lastOperation())
                        .append(",est=").append(s.establishedMs())
                        .append(",to=").append(s.timeoutMs());
                if (s.lastCxid() >= 0) {
                    out.append(",lcxid=0x").append(Integer.toHexString(s.lastCxid()));
                }
                out.append(",lzxid=0x").append(Long.toHexString(s.lastZxid()))
                        .append(",lresp=").append(s.lastResponseMs())
                        .append(",llat=").append(s.lastLatencyMs())
                        .append(",minlat=").append(s.latency().minMs())
                        .append(",avglat=").append(s.latency().avgMs())
                        .append(",maxlat=").append(s.latency().maxMs());
            }
            out.append(")\n");
        }
        return out.toString();
    }

    private String conf() {
        ServerSettings s = server.settings();
        return "clientPort=" + s.clientPort() + "\n"
                + "dataDir=" + s.dataDir().toAbsolutePath().resolve("version-2") + "\n"
                + "dataDirSize=" + size(s.dataDir()) + "\n"
                + "dataLogDir=" + s.dataLogDir().toAbsolutePath().resolve("version-2") + "\n"
                + "dataLogSize=" + size(s.dataLogDir()) + "\n"
                + "tickTime=" + s.tickTimeMs() + "\n"
                + "maxClientCnxns=" + s.maxClientCnxns() + "\n"
                + "minSessionTimeout=" + s.minSessionTimeoutMs() + "\n"
                + "maxSessionTimeout=" + s.maxSessionTimeoutMs() + "\n"
                + "clientPortListenBacklog=-1\n"
                + "serverId=" + s.serverId() + "\n"
                + s.quorumConf();
    }

    private static String envi() {
        StringBuilder out = new StringBuilder("Environment:\n");
        out.append("zookeeper.version=").append(VERSION).append('\n');
        out.append("host.name=").append(hostName()).append('\n');
        for (String key : List.of("java.version", "java.vendor", "java.home", "java.class.path", "java.library.path",
                "java.io.tmpdir", "java.compiler", "os.name", "os.arch", "os.version", "user.name", "user.home",
                "user.dir")) {
            out.append(key).append('=').append(System.getProperty(key, "<NA>")).append('\n');
        }
        Runtime runtime = Runtime.getRuntime();
        out.append("os.memory.free=").append(runtime.freeMemory() / (1024 * 1024)).append("MB\n");
        out.append("os.memory.max=").append(runtime.maxMemory() / (1024 * 1024)).append("MB\n");
        out.append("os.memory.total=").append(runtime.totalMemory() / (1024 * 1024)).append("MB\n");
        return out.toString();
    }

    private String mntr() {
        ServerStats stats = server.stats();
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("zk_version", VERSION);
        values.put("zk_server_state", server.mode());
        values.put("zk_avg_latency", stats.latency().avgMs());
        values.put("zk_max_latency", stats.latency().maxMs());
        values.put("zk_min_latency", stats.latency().minMs());
        values.put("zk_packets_received", stats.packetsReceived());
        values.put("zk_packets_sent", stats.packetsSent());
        values.put("zk_num_alive_connections", connections.connectionCount());
        values.put("zk_outstanding_requests", server.queuedRequests());
        values.put("zk_znode_count", server.tree().nodeCount());
        values.put("zk_watch_count", server.watches().watchCount());
        values.put("zk_ephemerals_count", server.tree().ephemeralsCount());
        values.put("zk_approximate_data_size", server.tree().approximateDataSize());
        values.put("zk_open_file_descriptor_count", -1);
        values.put("zk_max_file_descriptor_count", -1);
        values.put("zk_uptime", stats.uptimeMs());
        values.put("zk_global_sessions", server.sessions().sessionCount());
        values.put("zk_local_sessions", 0);
        values.put("zk_auth_failed_count", stats.authFailures());
        values.put("zk_last_zxid", server.lastProcessedZxid());
        values.put("zk_digest_mismatches_count", server.digestMismatches());
        server.extraMonitorValues().forEach((key, value) -> values.put("zk_" + key, value));
        StringBuilder out = new StringBuilder();
        values.forEach((key, value) -> out.append(key).append('\t').append(value).append('\n'));
        return out.toString();
    }

    private String dump() {
        StringBuilder out = new StringBuilder("SessionTracker dump:\n");
        Map<Long, List<Long>> expiry = server.sessions().sessionExpiryMap();
        out.append("Session Sets (").append(expiry.size()).append(")/(")
                .append(server.sessions().sessionCount()).append("):\n");
        SimpleDateFormat format = new SimpleDateFormat("EEE MMM dd HH:mm:ss zzz yyyy", Locale.ROOT);
        expiry.forEach((time, ids) -> {
            out.append(ids.size()).append(" expire at ").append(format.format(new Date(time))).append(":\n");
            ids.forEach(id -> out.append("\t0x").append(Long.toHexString(id)).append('\n'));
        });
        out.append("ephemeral nodes dump:\n");
        Map<Long, Set<String>> ephemerals = server.tree().ephemeralsBySession();
        out.append("Sessions with Ephemerals (").append(ephemerals.size()).append("):\n");
        ephemerals.forEach((id, paths) -> {
            out.append("0x").append(Long.toHexString(id)).append(":\n");
            paths.forEach(path -> out.append('\t').append(path).append('\n'));
        });
        out.append("Connections dump:\n");
        return out.toString();
    }

    private static long size(Path dir) {
        Path versioned = dir.resolve("version-2");
        if (!Files.isDirectory(versioned)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(versioned)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (IOException e) {
            return "<NA>";
        }
    }
}
