package dev.menagerie.server.impl.core;

import dev.menagerie.api.storage.Storage;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.jute.JuteWriter;
import dev.menagerie.protocol.txn.CreateSessionTxn;
import dev.menagerie.protocol.txn.TxnHeader;
import dev.menagerie.server.impl.auth.AclChecker;
import dev.menagerie.server.impl.auth.ProviderRegistry;
import dev.menagerie.server.impl.auth.X509AuthenticationProvider;
import dev.menagerie.server.impl.watch.ReadAclDeliveryFilter;
import dev.menagerie.server.impl.pipeline.ClientLink;
import dev.menagerie.server.impl.pipeline.Pipeline;
import dev.menagerie.server.impl.pipeline.Request;
import dev.menagerie.server.impl.session.SessionIdGenerator;
import dev.menagerie.server.impl.session.SessionTracker;
import dev.menagerie.server.impl.stats.ServerStats;
import dev.menagerie.server.impl.tree.DataTree;
import dev.menagerie.server.impl.watch.WatchRouter;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A standalone ZooKeeper server: the database, the sessions, the watches and the request pipeline over one
 * storage. Connections talk to it through {@link #submit} and the session methods; it knows no sockets.
 */
public final class ZooKeeperServer {

    private static final Logger LOG = LoggerFactory.getLogger(ZooKeeperServer.class);

    private final Storage storage;
    private final ServerStats stats = new ServerStats();
    private final Map<Long, ClientLink> linksBySession = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile ServerSettings settings;
    private DataTree tree;
    private SessionTracker sessions;
    private WatchRouter watches;
    private ProviderRegistry providers;
    private AclChecker acls;
    private Pipeline pipeline;
    private SessionExpirer expirer;
    private ContainerSweeper containerSweeper;
    private int txnsSinceSnapshot;
    private int snapshotAfterTxns;
    private final AtomicBoolean snapshotRunning = new AtomicBoolean();
    private final ExecutorService snapshotter = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "menagerie-snapshot");
        thread.setDaemon(true);
        return thread;
    });

    public ZooKeeperServer(ServerSettings settings, Storage storage) {
        this.settings = settings;
        this.storage = storage;
    }

    /** Loads the database, takes a snapshot of it (as Apache does) and starts serving requests. */
    public synchronized void start() throws IOException {
        ServerSettings s = settings;
        LoadedDatabase db = new DatabaseLoader(storage, s.prep().extendedTypesEnabled(), s.maxRecordBytes() + 1024,
                s.trustEmptySnapshot()).load();
        tree = db.tree();
        long now = System.currentTimeMillis();
        sessions = new SessionTracker(s.tickTimeMs(), new SessionIdGenerator(0, System.nanoTime() / 1_000_000), now);
        db.sessionTimeouts().forEach((id, timeout) -> sessions.addSession(id, timeout, now));
        providers = ProviderRegistry.defaults(s.superDigest());
        if (s.x509Enabled()) {
            // The TLS layer already verified the chain against the trust store; the provider reads its subject.
            providers = providers.with(new X509AuthenticationProvider(s.x509SuperUser(), null));
        }
        acls = new AclChecker(providers, s.skipAcl());
        watches = new WatchRouter(new ReadAclDeliveryFilter(acls));
        takeSnapshot(tree.lastProcessedZxid());
        scheduleNextSnapshot();
        pipeline = new Pipeline(tree, sessions, watches, acls, providers, storage, s.prep(), s.maxRecordBytes(),
                tree.lastProcessedZxid(), this::afterTxn);
        pipeline.start();
        expirer = new SessionExpirer(sessions, this::expire);
        expirer.start();
        containerSweeper = new ContainerSweeper(tree, this::submitInternal, s.containerCheckIntervalMs());
        containerSweeper.start();
        LOG.info("Server started: last zxid 0x{}, {} nodes, {} sessions restored",
                Long.toHexString(tree.lastProcessedZxid()), tree.nodeCount(), sessions.sessionCount());
    }

    /** Stops after answering what is queued; the storage stays open (its owner closes it). */
    public synchronized void shutdown() {
        if (pipeline == null) {
            return;
        }
        containerSweeper.stop();
        expirer.stop();
        try {
            pipeline.stop(10_000);
            snapshotter.shutdown();
            snapshotter.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pipeline = null;
        LOG.info("Server stopped at zxid 0x{}", Long.toHexString(tree.lastProcessedZxid()));
    }

    public void updateSettings(ServerSettings newSettings) {
        settings = newSettings;
    }

    public ServerSettings settings() {
        return settings;
    }

    // ---- for connections ----

    public void submit(Request request) {
        inFlight.incrementAndGet();
        pipeline.submit(request);
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
        Pipeline p = pipeline;
        return p == null ? 0 : p.digestMismatches();
    }

    public int queuedRequests() {
        Pipeline p = pipeline;
        return p == null ? 0 : p.queued();
    }

    // ---- internal ----

    private void submitInternal(Request request) {
        Pipeline p = pipeline;
        if (p != null) {
            p.submit(request);
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
        if (++txnsSinceSnapshot >= snapshotAfterTxns && snapshotRunning.compareAndSet(false, true)) {
            long zxid = tree.lastProcessedZxid();
            scheduleNextSnapshot();
            snapshotter.execute(() -> {
                try {
                    takeSnapshot(zxid);
                } finally {
                    snapshotRunning.set(false);
                }
            });
        }
    }

    /** As Apache: each server snapshots at a random point in [snapCount/2 + 1, snapCount]. */
    private void scheduleNextSnapshot() {
        int snapCount = settings.snapCount();
        snapshotAfterTxns = snapCount / 2 + 1 + ThreadLocalRandom.current().nextInt(Math.max(1, snapCount / 2));
        txnsSinceSnapshot = 0;
    }

    /**
     * Writes a snapshot named after {@code zxid}, the last transaction applied when it was asked for. After
     * start-up it runs on its own thread while requests go on, so it is fuzzy exactly as Apache's is: it may hold
     * some later changes, and loading replays the log from {@code zxid + 1}, which applies them again to the same
     * result.
     */
    private void takeSnapshot(long zxid) {
        long started = System.nanoTime();
        try {
            storage.snapshot(zxid, out -> tree.writeSnapshot(out, sessions.sessionTimeouts()));
            LOG.info("Snapshot 0x{} written: {} nodes in {} ms", Long.toHexString(zxid), tree.nodeCount(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            LOG.error("Snapshot 0x{} failed: {}; the log still holds every transaction", Long.toHexString(zxid),
                    e.getMessage());
        }
    }
}
