package dev.menagerie.server.impl.host;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.election.PeerState;
import dev.menagerie.api.replication.Forwarder;
import dev.menagerie.api.replication.Proposer;
import dev.menagerie.api.replication.QuorumPeer;
import dev.menagerie.api.replication.Replica;
import dev.menagerie.api.storage.LogEntry;
import dev.menagerie.api.status.ServerStatus;
import dev.menagerie.api.storage.Storage;
import dev.menagerie.server.impl.cnxn.ClientProtocolHandler;
import dev.menagerie.server.impl.core.ReplicaCore;
import dev.menagerie.server.impl.auth.PluginProviders;
import dev.menagerie.server.impl.core.ServerSettings;
import dev.menagerie.server.impl.core.ZooKeeperServer;
import dev.menagerie.server.impl.status.FourLetterWordSlot;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * A server in an ensemble: the database and the client port, which a quorum peer drives through {@link Replica}.
 * Until the peer gives it a role, the port is open but every client is turned away (four-letter words still
 * answer), as Apache's server does while it elects and syncs.
 */
public final class ReplicatedServer implements Replica {

    private final ServerConfig config;
    private final Storage storage;
    private final ZooKeeperServer server;
    private final ReplicaCore core;
    private final TransportSlot transports;
    private final FourLetterWordSlot fourLetterWords;
    private ClientProtocolHandler handler;
    private TransportPlan plan;
    private volatile QuorumPeer peer;

    public ReplicatedServer(ServerConfig config, Storage storage, TransportSlot transports) {
        this(config, storage, transports, new PluginProviders(), new FourLetterWordSlot());
    }

    /**
     * @param plugins the authentication providers of plugin bundles, which zoo.cfg's authProvider.N selects
     * @param fourLetterWords the handler that answers the client port's four-letter words
     */
    public ReplicatedServer(ServerConfig config, Storage storage, TransportSlot transports, PluginProviders plugins,
            FourLetterWordSlot fourLetterWords) {
        this.fourLetterWords = fourLetterWords;
        this.config = config;
        this.storage = storage;
        this.server = new ZooKeeperServer(ServerSettings.from(config), storage, config.myId().orElse(0L), plugins);
        this.core = new ReplicaCore(server);
        this.transports = transports;
        this.plan = TransportPlan.from(config);
        server.modeSource(this::mode);
        server.monitorSource(() -> {
            QuorumPeer current = peer;
            return current == null ? Map.of() : current.monitorValues();
        });
    }

    /** Loads the database and opens the client port; clients are served once the peer gives a role. */
    public void start() throws IOException {
        server.audit().start(() -> {
            core.loadDatabase();
            handler = new ClientProtocolHandler(server, fourLetterWords);
            transports.open(plan, handler);
        });
    }

    /** The peer this replica was handed to, whose state names the mode in four-letter words. */
    public void peer(QuorumPeer newPeer) {
        peer = newPeer;
    }

    /** Applies what can change live (limits, whitelist, timeouts) and rebinds the port if its address changed. */
    public void apply(ServerConfig newConfig) {
        server.updateSettings(ServerSettings.from(newConfig));
        plan = TransportPlan.from(newConfig);
        transports.replan(plan);
    }

    public void stop() {
        server.audit().serverStopping();
        stopServing();
        transports.close();
        server.shutdown();
    }

    public ZooKeeperServer server() {
        return server;
    }

    /** What four-letter words and admin commands report about this server; once {@link #start()} ran. */
    public ServerStatus status() {
        return handler.status();
    }

    @Override
    public ServerConfig config() {
        return config;
    }

    @Override
    public Storage storage() {
        return storage;
    }

    @Override
    public long lastProcessedZxid() {
        return server.lastProcessedZxid();
    }

    @Override
    public void writeSnapshot(OutputStream out) throws IOException {
        core.writeSnapshot(out);
    }

    @Override
    public void loadSnapshot(InputStream in, long zxid) throws IOException {
        core.loadSnapshot(in, zxid);
    }

    @Override
    public void truncate(long zxid) throws IOException {
        core.truncate(zxid);
    }

    @Override
    public void takeSnapshot() throws IOException {
        core.takeSnapshot();
    }

    @Override
    public void applyCommitted(LogEntry entry) {
        core.applyCommitted(entry);
    }

    @Override
    public void serveAsLeader(long lastZxid, Proposer proposer) {
        core.serveAsLeader(lastZxid, proposer);
    }

    @Override
    public void serveAsLearner(Forwarder forwarder) {
        core.serveAsLearner(forwarder);
    }

    /** Drops the requests in flight, then the connections, so clients move to a server that serves. */
    @Override
    public void stopServing() {
        core.stopServing();
        ClientProtocolHandler current = handler;
        if (current != null) {
            current.closeAll();
        }
    }

    @Override
    public void submitForwarded(long sessionId, int cxid, int type, byte[] body, List<Forwarder.AuthId> authIds) {
        core.submitForwarded(sessionId, cxid, type, body, authIds);
    }

    @Override
    public void touchSessions(Map<Long, Integer> timeoutsMsBySession) {
        core.touchSessions(timeoutsMsBySession);
    }

    @Override
    public boolean revalidateSession(long sessionId, int timeoutMs) {
        return core.revalidateSession(sessionId, timeoutMs);
    }

    @Override
    public Map<Long, Integer> localSessions() {
        return server.localSessionTimeouts();
    }

    /** Apache's ServerStats.getServerState: the peer's role; without a peer, the role this replica was given. */
    private String mode() {
        QuorumPeer current = peer;
        PeerState state = current == null ? null : current.state();
        if (state != null) {
            return switch (state) {
                case LEADING -> "leader";
                case FOLLOWING -> "follower";
                case OBSERVING -> "observer";
                case LOOKING -> "looking";
            };
        }
        return switch (core.role()) {
            case LEADER -> "leader";
            case LEARNER -> "follower";
            case NONE -> "looking";
        };
    }
}
