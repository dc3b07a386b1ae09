package dev.menagerie.server.impl.core;

import dev.menagerie.api.replication.Forwarder;
import dev.menagerie.api.storage.Storage;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.jute.JuteWriter;
import dev.menagerie.protocol.txn.CreateSessionTxn;
import dev.menagerie.protocol.txn.TxnHeader;
import dev.menagerie.server.impl.audit.AuditLog;
import dev.menagerie.server.impl.auth.AclChecker;
import dev.menagerie.server.impl.auth.ClientAuthPolicy;
import dev.menagerie.server.impl.auth.DigestAuthenticationProvider;
import dev.menagerie.server.impl.auth.PluginProviders;
import dev.menagerie.server.impl.auth.ProviderRegistry;
import dev.menagerie.server.impl.auth.X509AuthenticationProvider;
import dev.menagerie.server.impl.pipeline.ClientLink;
import dev.menagerie.server.impl.pipeline.CommittedTxn;
import dev.menagerie.server.impl.pipeline.LearnerStage;
import dev.menagerie.server.impl.pipeline.Pipeline;
import dev.menagerie.server.impl.pipeline.Replication;
import dev.menagerie.server.impl.pipeline.Request;
import dev.menagerie.server.impl.pipeline.RequestSink;
import dev.menagerie.server.impl.pipeline.CommitEffects;
import dev.menagerie.server.impl.session.SessionIdGenerator;
import dev.menagerie.server.impl.session.SessionTracker;
import dev.menagerie.server.impl.stats.ServerStats;
import dev.menagerie.server.impl.tree.DataTree;
import dev.menagerie.server.impl.watch.ReadAclDeliveryFilter;
import dev.menagerie.server.impl.watch.WatchRouter;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ZooKeeper server: the database, the sessions, the watches and the request pipeline over one storage.
 * Standalone, {@link #start} does everything; in a quorum, {@code ReplicaCore} loads the database and switches
 * between serving as leader or learner and not serving. Connections talk to it through {@link #submit} and the
 * session methods; it knows no sockets.
 */
public final class ZooKeeperServer {

    private static final Logger LOG = LoggerFactory.getLogger(ZooKeeperServer.class);

    private final Storage storage;
    private final long serverId;
    private final ServerStats stats = new ServerStats();
    private final Map<Long, ClientLink> linksBySession = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile ServerSettings settings;
    private volatile DataTree tree;
    private volatile SessionTracker sessions;
    private WatchRouter watches;
    private ProviderRegistry providers;
    private final PluginProviders plugins;
    private volatile ClientAuthPolicy clientAuth;
    private AclChecker acls;
    private volatile RequestSink requests;
    private volatile Supplier<String> modeSource;
    private volatile Supplier<Map<String, Object>> monitorSource;
    private long pastDigestMismatches;
    private boolean shutDown;
    private SessionExpirer expirer;
    private ContainerSweeper containerSweeper;
    private final Snapshots snapshots;
    private final AuditLog audit;

    public ZooKeeperServer(ServerSettings settings, Storage storage) {
        this(settings, storage, 0);
    }

    /** @param serverId the top byte of the session ids this server hands out: myid in a quorum, 0 standalone */
    public ZooKeeperServer(ServerSettings settings, Storage storage, long serverId) {
        this(settings, storage, serverId, new PluginProviders());
    }

    /**
     * @param serverId the top byte of the session ids this server hands out: myid in a quorum, 0 standalone
     * @param plugins  the authentication providers plugin bundles offer, which zoo.cfg's authProvider.N selects
     */
    public ZooKeeperServer(ServerSettings settings, Storage storage, long serverId, PluginProviders plugins) {
        this.plugins = plugins;
        this.settings = settings;
        this.storage = storage;
        this.serverId = serverId;
        this.audit = new AuditLog(settings.auditEnabled());
        this.snapshots = new Snapshots(storage, () -> tree, () -> sessions);
    }

    /** Loads the database, takes a snapshot of it (as Apache does) and starts serving requests. */
    public synchronized void start() throws IOException {
        loadDatabase();
        snapshots.take(tree.lastProcessedZxid());
        startServing(newPipeline(tree.lastProcessedZxid(), Replication.LOCAL), true);
        LOG.info("Server started: last zxid 0x{}, {} nodes, {} sessions restored",
                Long.toHexString(tree.lastProcessedZxid()), tree.nodeCount(), sessions.sessionCount());
    }

    /**
     * Loads the tree and the sessions from storage (the newest snapshot, then the log), replacing what is in
     * memory. The first load also sets up authentication and the watch table, which later loads keep.
     */
    public synchronized void loadDatabase() throws IOException {
        ServerSettings s = settings;
        LoadedDatabase db = new DatabaseLoader(storage, s.prep().extendedTypesEnabled(), s.maxRecordBytes() + 1024,
                s.trustEmptySnapshot()).load();
        installDatabase(db.tree(), db.sessionTimeouts());
        if (providers == null) {
            ProviderRegistry base = ProviderRegistry.standard(s.digestEnabled()
                    ? Optional.of(new DigestAuthenticationProvider(s.superDigest(), s.digestAlgorithm()))
                    : Optional.empty()).withPlugins(plugins);
            if (s.x509Enabled()) {
                // The TLS layer already verified the chain against the trust store; the provider reads its subject.
                base = base.with(new X509AuthenticationProvider(s.x509SuperUser(), null));
            }
            clientAuth = ClientAuthPolicy.configure(s.auth(), base);
            providers = clientAuth.providers();
            plugins.select(ClientAuthPolicy.pluginSelectors(s.auth()));
            acls = new AclChecker(providers, s.skipAcl());
            watches = new WatchRouter(new ReadAclDeliveryFilter(acls));
        }
        snapshots.scheduleNext(s.snapCount());
    }

    /** Replaces the tree and the sessions (a loaded database, or a snapshot from a quorum leader). */
    synchronized void installDatabase(DataTree newTree, Map<Long, Integer> sessionTimeouts) {
        long now = System.currentTimeMillis();
        SessionTracker tracker = new SessionTracker(settings.tickTimeMs(),
                new SessionIdGenerator(serverId, System.nanoTime() / 1_000_000), now);
        sessionTimeouts.forEach((id, timeout) -> tracker.addSession(id, timeout, now));
        tree = newTree;
        sessions = tracker;
    }

    /**
     * Starts answering clients through {@code sink}; {@code leaderDuties} also starts expiring sessions and
     * deleting empty containers, which only a standalone server or a quorum leader does.
     */
    public synchronized void startServing(RequestSink sink, boolean leaderDuties) {
        inFlight.set(0);
        requests = sink;
        sink.start();
        if (leaderDuties) {
            expirer = new SessionExpirer(sessions, this::expire);
            expirer.start();
            containerSweeper = new ContainerSweeper(tree, this::submitInternal, settings.containerCheckIntervalMs());
            containerSweeper.start();
        }
    }

    /**
     * Stops answering clients and ends the sink's threads: after answering what is queued when {@code drain}
     * (standalone shutdown), else dropping it (a quorum peer lost its role).
     */
    public synchronized void stopServing(boolean drain) {
        if (containerSweeper != null) {
            containerSweeper.stop();
            containerSweeper = null;
        }
        if (expirer != null) {
            expirer.stop();
            expirer = null;
        }
        RequestSink sink = requests;
        if (sink == null) {
            return;
        }
        requests = null;
        try {
            if (drain) {
                sink.stop(10_000);
            } else {
                sink.abort(10_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pastDigestMismatches += sink.digestMismatches();
    }

    public boolean serving() {
        return requests != null;
    }

    /** A leader's (or standalone server's) pipeline over the current tree; the next write gets lastZxid + 1. */
    public Pipeline newPipeline(long lastZxid, Replication replication) {
        ServerSettings s = settings;
        return new Pipeline(tree, sessions, watches, acls, providers, storage, s.prep(), s.maxRecordBytes(),
                lastZxid, this::afterTxn, audit, replication);
    }

    /** A learner's stage over the current tree. */
    public LearnerStage newLearnerStage(Forwarder forwarder) {
        return new LearnerStage(tree, sessions, watches, acls, providers, settings.maxRecordBytes(), forwarder,
                this::afterTxn, audit);
    }

    /** Applies a committed transaction while no stage runs (a learner syncing with its leader). */
    synchronized void applyDirectly(CommittedTxn txn) {
        new CommitEffects(tree, watches, sessions, audit).apply(txn.header(), txn.txn(), txn.expectedDigest());
        afterTxn(txn.header());
    }

    /** Stops after answering what is queued; the storage stays open (its owner closes it). */
    public synchronized void shutdown() {
        if (shutDown) {
            return;
        }
        shutDown = true;
        stopServing(true);
        try {
            snapshots.shutdown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (clientAuth != null) {
            clientAuth.close();
        }
        if (tree != null) {
            LOG.info("Server stopped at zxid 0x{}", Long.toHexString(tree.lastProcessedZxid()));
        }
    }

    /** Where four-letter words read the server's mode from; standalone servers keep zoo.cfg's. */
    /** Extra {@code mntr} values (keys without the {@code zk_} prefix), such as a quorum peer's. */
    public void monitorSource(Supplier<Map<String, Object>> source) {
        monitorSource = source;
    }

    public Map<String, Object> extraMonitorValues() {
        Supplier<Map<String, Object>> source = monitorSource;
        Map<String, Object> values = source == null ? null : source.get();
        return values == null ? Map.of() : values;
    }

    public void modeSource(Supplier<String> source) {
        modeSource = source;
    }

    /** standalone, leader, follower or observer, as Apache's {@code ServerStats.getServerState}. */
    public String mode() {
        Supplier<String> source = modeSource;
        return source == null ? settings.mode() : source.get();
    }

    public void updateSettings(ServerSettings newSettings) {
        settings = newSettings;
        audit.setEnabled(newSettings.auditEnabled());
        plugins.select(ClientAuthPolicy.pluginSelectors(newSettings.auth()));
    }

    /** The audit log ({@code audit.enable}), which the hosts also tell when the server starts and stops. */
    public AuditLog audit() {
        return audit;
    }

    public ServerSettings settings() {
        return settings;
    }

    // ---- for connections ----

    /** Hands a client's request to the pipeline; dropped while not serving (its connection is closing). */
    public void submit(Request request) {
        RequestSink sink = requests;
        if (sink == null) {
            return;
        }
        inFlight.incrementAndGet();
        sink.submit(request);
    }

    /** Called once per answered client request. */
    public void requestAnswered(long latencyMs) {
        inFlight.decrementAndGet();
        stats.requestDone(latencyMs);
    }

    /** True while more requests are in flight than {@code globalOutstandingLimit} allows. */
    public boolean overloaded() {
        return inFlight.get() > settings.globalOutstandingLimit();
    }

    public int inFlight() {
        return inFlight.get();
    }

    /** Starts a new session; the connection gets its answer once the createSession transaction is applied. */
    public long createSession(ClientLink link, int timeoutMs) {
        long sessionId = sessions.createSession(timeoutMs, System.currentTimeMillis());
        linksBySession.put(sessionId, link);
        JuteWriter body = new JuteWriter(8);
        new CreateSessionTxn(timeoutMs).write(body);
        submit(new Request(link, sessionId, 0, OpCode.CREATE_SESSION, body.toByteArray(), List.of()));
        return sessionId;
    }

    /** Moves an existing session to a new connection; false when it expired or is closing. */
    public boolean resumeSession(ClientLink link, long sessionId, int timeoutMs) {
        if (!sessions.touch(sessionId, timeoutMs, System.currentTimeMillis())) {
            return false;
        }
        ClientLink previous = linksBySession.put(sessionId, link);
        if (previous != null && previous != link) {
            previous.closeAfterReplies();
        }
        return true;
    }

    /** Keeps a session alive; called for every packet its connection sends. */
    public boolean touch(long sessionId, int timeoutMs) {
        return sessions.touch(sessionId, timeoutMs, System.currentTimeMillis());
    }

    /** The connection of a session went away; the session lives on until it times out. */
    public void connectionClosed(long sessionId, ClientLink link) {
        linksBySession.remove(sessionId, link);
        watches.removeWatcher(link);
    }

    public ProviderRegistry providers() {
        return providers;
    }

    /** How clients authenticate (schemes, SASL, enforcement); set when the database is first loaded. */
    public ClientAuthPolicy clientAuth() {
        return clientAuth;
    }

    public DataTree tree() {
        return tree;
    }

    public WatchRouter watches() {
        return watches;
    }

    public SessionTracker sessions() {
        return sessions;
    }

    public ServerStats stats() {
        return stats;
    }

    public long lastProcessedZxid() {
        return tree == null ? 0 : tree.lastProcessedZxid();
    }

    public long digestMismatches() {
        RequestSink sink = requests;
        return pastDigestMismatches + (sink == null ? 0 : sink.digestMismatches());
    }

    public int queuedRequests() {
        RequestSink sink = requests;
        return sink == null ? 0 : sink.queued();
    }

    public Storage storage() {
        return storage;
    }

    // ---- internal ----

    /** A request the server makes itself (expiry, container deletion); only a leader or standalone makes them. */
    void submitInternal(Request request) {
        RequestSink sink = requests;
        if (sink != null) {
            sink.submit(request);
        }
    }

    private void expire(long sessionId) {
        LOG.info("Expiring session 0x{}", Long.toHexString(sessionId));
        submitInternal(new Request(null, sessionId, 0, OpCode.CLOSE_SESSION, new byte[0], List.of()));
    }

    /** On the commit thread, after each applied transaction. */
    private void afterTxn(TxnHeader header) {
        if (header.type() == OpCode.CLOSE_SESSION) {
            ClientLink link = linksBySession.remove(header.clientId());
            if (link != null) {
                link.closeAfterReplies();
            }
        }
        snapshots.afterTxn(settings.snapCount());
    }

    /** Writes a snapshot file of the current tree named after {@code zxid} now, on the calling thread. */
    void writeSnapshotFile(long zxid) throws IOException {
        snapshots.write(zxid);
    }

    /** The sessions whose client is connected here now, with their timeouts (a learner reports them). */
    public Map<Long, Integer> localSessionTimeouts() {
        Map<Long, Integer> local = new java.util.HashMap<>();
        SessionTracker tracker = sessions;
        for (Long sessionId : linksBySession.keySet()) {
            tracker.timeoutMs(sessionId).ifPresent(timeoutMs -> local.put(sessionId, timeoutMs));
        }
        return local;
    }
}
