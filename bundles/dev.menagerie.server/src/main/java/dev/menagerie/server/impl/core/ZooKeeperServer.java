package dev.menagerie.server.impl.core;

import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.replication.QuorumPeer;
import dev.menagerie.api.status.QuorumStatus;
import dev.menagerie.api.status.SnapshotStatus;
import dev.menagerie.api.storage.Storage;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.txn.TxnHeader;
import dev.menagerie.server.impl.audit.AuditLog;
import dev.menagerie.server.impl.auth.AclChecker;
import dev.menagerie.server.impl.auth.ClientAuthPolicy;
import dev.menagerie.server.impl.auth.DigestAuthenticationProvider;
import dev.menagerie.server.impl.auth.PluginProviders;
import dev.menagerie.server.impl.auth.ProviderRegistry;
import dev.menagerie.server.impl.auth.X509AuthenticationProvider;
import dev.menagerie.server.impl.db.Database;
import dev.menagerie.server.impl.failstop.FailStop;
import dev.menagerie.server.impl.leader.LeaderDuties;
import dev.menagerie.server.impl.loading.DatabaseLoader;
import dev.menagerie.server.impl.loading.LoadedDatabase;
import dev.menagerie.server.impl.loading.Snapshots;
import dev.menagerie.server.impl.pipeline.Access;
import dev.menagerie.server.impl.pipeline.Admission;
import dev.menagerie.server.impl.pipeline.CommitEffects;
import dev.menagerie.server.impl.pipeline.CommittedTxn;
import dev.menagerie.server.impl.pipeline.Pipeline;
import dev.menagerie.server.impl.pipeline.Request;
import dev.menagerie.server.impl.pipeline.RequestSink;
import dev.menagerie.server.impl.pipeline.StageContext;
import dev.menagerie.server.impl.session.SessionIdGenerator;
import dev.menagerie.server.impl.session.SessionTracker;
import dev.menagerie.server.impl.stats.ServerMetrics;
import dev.menagerie.server.impl.stats.ServerStats;
import dev.menagerie.server.impl.throttle.ConnectionThrottle;
import dev.menagerie.server.impl.tree.DataTree;
import dev.menagerie.server.impl.tree.LoadedSnapshot;
import dev.menagerie.server.impl.watch.ReadAclDeliveryFilter;
import dev.menagerie.server.impl.watch.WatchRouter;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ZooKeeper server without its sockets: the {@link Database}, who may access it, the sessions' connections
 * ({@link SessionRegistry}), admission of client requests and the stage that serves them. Standalone,
 * {@link #start} does everything; in a quorum the replica loads the database and starts and stops serving.
 */
public final class ZooKeeperServer {

    private static final Logger LOG = LoggerFactory.getLogger(ZooKeeperServer.class);

    private final Storage storage;
    private final long serverId;
    private final PluginProviders plugins;
    private final ServerStats stats = new ServerStats();
    private final AuditLog audit;
    private final Admission admission;
    private final SessionRegistry registry;
    private final Snapshots snapshots;
    private final FailStop failStop = new FailStop();
    private final ServerMetrics metrics;
    private volatile ServerSettings settings;
    private final ConnectionThrottle connectionThrottle;
    private volatile Database db;
    /** Set by the first load; kept by later ones, like the watch table. */
    private volatile Access access;
    private volatile ClientAuthPolicy clientAuth;
    private WatchRouter watches;
    private volatile RequestSink requests;
    private volatile Supplier<String> modeSource;
    private volatile Supplier<Map<String, Object>> monitorSource;
    private volatile Supplier<QuorumStatus> quorumSource;
    private volatile Supplier<QuorumPeer> peerSource;
    private long pastDigestMismatches;
    private boolean shutDown;
    /** Set by {@link #start}: this server serves alone, so it may replace its database on its own. */
    private boolean standalone;
    private LeaderDuties leaderDuties;

    /**
     * @param serverId the top byte of the session ids this server hands out: myid in a quorum, 0 standalone
     * @param plugins  the authentication providers plugin bundles offer, which zoo.cfg's authProvider.N selects
     */
    public ZooKeeperServer(ServerSettings settings, Storage storage, long serverId, PluginProviders plugins,
            MetricsRegistry metricsRegistry) {
        this.metrics = new ServerMetrics(metricsRegistry);
        this.plugins = plugins;
        this.settings = settings;
        this.storage = storage;
        this.serverId = serverId;
        this.audit = new AuditLog(settings.auditEnabled());
        this.admission = new Admission(settings.globalOutstandingLimit(), settings.largeRequests());
        this.registry = new SessionRegistry(() -> db, this::submit, metrics.deadWatchers);
        // As Apache's, the throttle is set up once per server: a zoo.cfg edit of its keys applies at the next start.
        this.connectionThrottle = new ConnectionThrottle(settings.connectionThrottle(),
                () -> System.nanoTime() / 1_000_000, () -> ThreadLocalRandom.current().nextDouble());
        this.snapshots = new Snapshots(() -> db, metrics.snapshotTime);
        failStop.onStop(metrics.unrecoverableErrors::increment);
        failStop.onStop(() -> stopServing(false));
    }

    /** Where a stage reports what must never happen; the host decides what stopping means (see {@link FailStop}). */
    public FailStop failStop() {
        return failStop;
    }

    /** Loads the database, takes a snapshot of it (as Apache does) and starts serving requests. */
    public synchronized void start() throws IOException {
        standalone = true;
        loadDatabase();
        snapshots.take(db.lastProcessedZxid());
        startServing(Pipeline.standalone(stageContext(), db.lastProcessedZxid()), true);
        LOG.info("Server started: last zxid 0x{}, {} nodes, {} sessions restored",
                Long.toHexString(db.lastProcessedZxid()), db.tree().nodeCount(), db.sessions().sessionCount());
    }

    /**
     * Loads the tree and the sessions from storage (the newest snapshot, then the log), replacing what is in
     * memory. The first load also sets up authentication and the watch table, which later loads keep.
     *
     * @return what was loaded and what loading took
     */
    public synchronized LoadedDatabase loadDatabase() throws IOException {
        ServerSettings s = settings;
        long started = System.nanoTime();
        LoadedDatabase loaded = new DatabaseLoader(storage, s.prep().extendedTypesEnabled(), s.maxRecordBytes() + 1024,
                s.trustEmptySnapshot()).load();
        if (access == null) {
            setUpAccess(s);
        }
        installDatabase(loaded.tree(), loaded.sessionTimeouts());
        metrics.databaseInitTime.record((System.nanoTime() - started) / 1_000_000);
        metrics.startupSnapshotLoadTime.record(loaded.snapshotLoadMs());
        if (!loaded.emptyDataDir()) {
            // As Apache, which replays no log when it starts a database afresh.
            metrics.startupTxnsLoaded.record(loaded.txnsReplayed());
            metrics.startupTxnsLoadTime.record(loaded.replayMs());
        }
        snapshots.scheduleNext(s.snapCount());
        return loaded;
    }

    private void setUpAccess(ServerSettings s) {
        ProviderRegistry base = ProviderRegistry.standard(s.digestEnabled()
                ? Optional.of(new DigestAuthenticationProvider(s.superDigest(), s.digestAlgorithm()))
                : Optional.empty()).withPlugins(plugins);
        if (s.x509Enabled()) {
            // The TLS layer already verified the chain against the trust store; the provider reads its subject.
            base = base.with(new X509AuthenticationProvider(s.x509SuperUser(), null));
        }
        clientAuth = ClientAuthPolicy.configure(s.auth(), base);
        ProviderRegistry providers = clientAuth.providers();
        plugins.select(ClientAuthPolicy.pluginSelectors(s.auth()));
        AclChecker acls = new AclChecker(providers, s.skipAcl());
        watches = new WatchRouter(new ReadAclDeliveryFilter(acls), metrics::watchesFired);
        access = new Access(acls, providers, audit);
    }

    /** Replaces the tree and the sessions (a loaded database, or a snapshot from a quorum leader). */
    public synchronized void installDatabase(DataTree newTree, Map<Long, Integer> sessionTimeouts) {
        assert !serving() : "the database is replaced while a stage serves from it";
        long now = System.currentTimeMillis();
        SessionTracker tracker = new SessionTracker(settings.tickTimeMs(),
                new SessionIdGenerator(serverId, System.nanoTime() / 1_000_000), now);
        sessionTimeouts.forEach((id, timeout) -> tracker.addSession(id, timeout, now));
        newTree.reportWritesTo(metrics.namespaceBytes::written);
        db = new Database(newTree, tracker, watches, storage);
    }

    /** What a stage started now runs against: the current database, access, settings and admission. */
    public StageContext stageContext() {
        return new StageContext(db, access, settings.stages(), admission, this::afterTxn, failStop, metrics);
    }

    /**
     * Starts answering clients through {@code sink}; {@code leaderDuties} also starts expiring sessions and
     * deleting empty containers, which only a standalone server or a quorum leader does.
     */
    public synchronized void startServing(RequestSink sink, boolean leaderDuties) {
        if (failStop.stopped()) {
            LOG.warn("Not serving: this server stopped after a fatal failure ({})", failStop.reason());
            return;
        }
        admission.reset();
        requests = sink;
        sink.start();
        if (leaderDuties) {
            this.leaderDuties = LeaderDuties.start(db, this::submitDuty, settings.containerCheckIntervalMs(),
                    metrics.staleSessionsExpired);
        }
    }

    /**
     * Stops answering clients and ends the sink's threads: after answering what is queued when {@code drain}
     * (standalone shutdown), else dropping it (a quorum peer lost its role).
     */
    public synchronized void stopServing(boolean drain) {
        if (leaderDuties != null) {
            leaderDuties.stop();
            leaderDuties = null;
        }
        RequestSink sink = requests;
        if (sink == null) {
            return;
        }
        requests = null;
        // The caller is often a quorum peer's thread that is being interrupted (the peer is closing). The stage
        // must still end before anyone touches the tree after this: a learner stage applies the commits handed to
        // it until it ends, and the role's end then applies the logged rest, so returning early applied some twice.
        boolean interrupted = Thread.interrupted();
        try {
            if (drain) {
                sink.stop(10_000);
            } else {
                sink.abort(10_000);
            }
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        pastDigestMismatches += sink.digestMismatches();
    }

    public boolean serving() {
        return requests != null;
    }

    /** Applies a committed transaction while no stage runs (a learner syncing with its leader). */
    public synchronized void applyDirectly(CommittedTxn txn) {
        try {
            new CommitEffects(db.tree(), db.watches(), db.sessions(), audit, metrics.digestMismatches).apply(txn.header(), txn.txn(),
                    txn.expectedDigest());
        } catch (RuntimeException e) {
            failStop.stop(CommitEffects.failedToApply(txn.header()), e);
            throw e;
        }
        afterTxn(txn.header());
    }

    /**
     * Writes a snapshot file of the current tree, named after its last zxid, now on the calling thread.
     *
     * @return the zxid the snapshot is named after
     */
    public synchronized long snapshotNow() throws IOException {
        long zxid = db.lastProcessedZxid();
        snapshots.write(zxid);
        return zxid;
    }

    /**
     * Replaces the tree and the sessions of a standalone server with a snapshot streamed to the admin
     * {@code restore} command, as Apache's {@code restoreFromSnapshot}: queued requests are answered first, then the
     * snapshot's tree and sessions serve. Unlike Apache, the result is durable and zxids never go back: the tree is
     * written as a snapshot named after the higher of its own zxid and the last one this server handed out, and
     * new transactions follow that zxid, so a restart reloads the restored data and clients that saw a later zxid
     * may reconnect. When that snapshot cannot be written the old database serves on.
     *
     * @return the zxid the restored snapshot was taken at, what Apache answers as {@code last_zxid}
     * @throws IllegalStateException on a quorum member or a server that is not serving
     */
    public synchronized long restore(LoadedSnapshot snapshot) throws IOException {
        if (!standalone) {
            throw new IllegalStateException("restore is only supported on a standalone server; Menagerie cannot"
                    + " restore one member of an ensemble yet");
        }
        if (!serving()) {
            throw new IllegalStateException("the server is not serving");
        }
        long restoredZxid = snapshot.tree().lastProcessedZxid();
        stopServing(true);
        long zxid = Math.max(db.lastProcessedZxid(), restoredZxid);
        DataTree tree = snapshot.tree();
        tree.setLastProcessedZxid(zxid);
        try {
            snapshots.write(zxid, tree, snapshot.sessionTimeouts());
        } catch (IOException e) {
            startServing(Pipeline.standalone(stageContext(), db.lastProcessedZxid()), true);
            throw new IOException("the restored tree could not be written as snapshot 0x" + Long.toHexString(zxid)
                    + " (" + e.getMessage() + "); the previous data serves on", e);
        }
        installDatabase(tree, snapshot.sessionTimeouts());
        startServing(Pipeline.standalone(stageContext(), zxid), true);
        LOG.info("Restored a snapshot of zxid 0x{}: {} nodes, {} sessions; serving from zxid 0x{}",
                Long.toHexString(restoredZxid), tree.nodeCount(), snapshot.sessionTimeouts().size(),
                Long.toHexString(zxid));
        return restoredZxid;
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
        if (db != null) {
            LOG.info("Server stopped at zxid 0x{}", Long.toHexString(db.lastProcessedZxid()));
        }
    }

    /** Extra {@code mntr} values (keys without the {@code zk_} prefix), such as a quorum peer's. */
    public void monitorSource(Supplier<Map<String, Object>> source) {
        monitorSource = source;
    }

    public Map<String, Object> extraMonitorValues() {
        Supplier<Map<String, Object>> source = monitorSource;
        Map<String, Object> values = source == null ? null : source.get();
        return values == null ? Map.of() : values;
    }

    /** Where the admin commands read the leader and Zab phase from; a standalone server has none. */
    public void quorumSource(Supplier<QuorumStatus> source) {
        quorumSource = source;
    }

    /** Where the status reads what only the quorum peer knows (its learners); a standalone server has none. */
    public void peerSource(Supplier<QuorumPeer> source) {
        peerSource = source;
    }

    /** The quorum peer driving this server now, or null (standalone, or no peer yet). */
    public QuorumPeer quorumPeer() {
        Supplier<QuorumPeer> source = peerSource;
        return source == null ? null : source.get();
    }

    public QuorumStatus quorumStatus() {
        Supplier<QuorumStatus> source = quorumSource;
        QuorumStatus status = source == null ? null : source.get();
        return status == null ? QuorumStatus.NONE : status;
    }

    /** The newest snapshot written since start-up. */
    public SnapshotStatus lastSnapshot() {
        return snapshots.last();
    }

    /** Where four-letter words read the server's mode from; standalone servers keep zoo.cfg's. */
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
        admission.limit(newSettings.globalOutstandingLimit(), newSettings.largeRequests());
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

    /**
     * Hands a client's request to the serving stage; dropped while not serving (its connection is closing). When
     * the stage's queue is full the request is refused: the client's connection is closed, and the client
     * reconnects and retries, as after any lost connection.
     */
    public void submit(Request request) {
        RequestSink sink = requests;
        if (sink == null) {
            admission.dropped(request);
            return;
        }
        admission.admit();
        if (!sink.submit(request)) {
            admission.release(request);
            LOG.warn("Refusing {}: {} requests are queued already; closing its connection", request,
                    settings.requestQueueCapacity());
            if (request.client() != null) {
                request.client().closeAfterReplies();
            }
        }
    }

    /**
     * A write a learner forwarded to this leader; false when not serving or the queue is full, and then the
     * caller decides what happens to it.
     */
    public boolean submitInternal(Request request) {
        RequestSink sink = requests;
        return sink != null && sink.submit(request);
    }

    /**
     * A request of the server's own duties (session expiry, container deletion): queued only while at most half
     * of the request queue is taken, so that a burst of them (thousands of sessions expiring in one tick while
     * the disk is slow) never leaves clients' requests without room, which would close their connections. False
     * when not serving or past that mark; the duty asks again later.
     */
    public boolean submitDuty(Request request) {
        RequestSink sink = requests;
        return sink != null && sink.queued() < settings.requestQueueCapacity() / 2 && sink.submit(request);
    }

    /** Client requests admitted and not yet answered, against {@code globalOutstandingLimit}. */
    public Admission admission() {
        return admission;
    }

    /** The sessions' connections: where connections start, resume and keep sessions alive. */
    public SessionRegistry registry() {
        return registry;
    }

    public ProviderRegistry providers() {
        Access current = access;
        return current == null ? null : current.providers();
    }

    /** How clients authenticate (schemes, SASL, enforcement); set when the database is first loaded. */
    public ClientAuthPolicy clientAuth() {
        return clientAuth;
    }

    // ---- status: what four-letter words and the admin read ----

    /** The database as it is now; a load or a leader's snapshot replaces it. */
    public Database db() {
        return db;
    }

    public DataTree tree() {
        return db.tree();
    }

    public WatchRouter watches() {
        return db.watches();
    }

    public SessionTracker sessions() {
        return db.sessions();
    }

    /** The server's metrics in the registry, under Apache's names. */
    public ServerMetrics metrics() {
        return metrics;
    }

    public ServerStats stats() {
        return stats;
    }

    /** The token bucket new connections draw from (Apache's BlueThrottle); off unless connection_throttle_tokens. */
    public ConnectionThrottle connectionThrottle() {
        return connectionThrottle;
    }

    public long lastProcessedZxid() {
        Database current = db;
        return current == null ? 0 : current.lastProcessedZxid();
    }

    /**
     * Apache's ZooKeeperServer.getZxid(): the highest zxid this server has given a transaction, ahead of the last
     * applied while proposals are in flight; the last applied where no zxids are assigned (a learner, or while not
     * serving).
     */
    public long currentZxid() {
        long applied = lastProcessedZxid();
        return requests instanceof Pipeline pipeline ? Math.max(applied, pipeline.lastAssignedZxid()) : applied;
    }

    /** A leader's {@link Pipeline#holdRequests}; refused where no leader's pipeline runs. */
    public CompletionStage<Long> holdRequests() {
        return requests instanceof Pipeline pipeline ? pipeline.holdRequests()
                : CompletableFuture.failedStage(new IllegalStateException("this server does not lead"));
    }

    public void releaseRequests() {
        if (requests instanceof Pipeline pipeline) {
            pipeline.releaseRequests();
        }
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

    /** On the applying thread, after each applied transaction. */
    private void afterTxn(TxnHeader header) {
        if (header.type() == OpCode.CLOSE_SESSION) {
            registry.sessionClosed(header.clientId());
        }
        snapshots.afterTxn(settings.snapCount());
    }
}
