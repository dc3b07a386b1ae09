package dev.menagerie.quorum.impl.zab;

import dev.menagerie.api.config.HostPort;
import dev.menagerie.api.election.PeerAuthenticator;
import dev.menagerie.api.election.PeerSockets;
import dev.menagerie.api.quorum.QuorumVerifier;
import dev.menagerie.api.replication.Forwarder;
import dev.menagerie.api.replication.Proposer;
import dev.menagerie.api.replication.Replica;
import dev.menagerie.api.storage.LogEntry;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.data.Id;
import dev.menagerie.protocol.quorum.QuorumPacket;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLException;
import javax.security.sasl.SaslException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leads one epoch: listens on the quorum port, feeds learners' packets, proposals and ticks to a {@link LeaderCore}
 * on one thread, and carries out its outputs with sockets, the storage and the server. Ends when the core gives up
 * (no quorum) or the peer stops it.
 */
public final class LeaderRunner implements Proposer {

    private static final Logger LOG = LoggerFactory.getLogger(LeaderRunner.class);

    private final long myId;
    private final Replica replica;
    private final HostPort quorumAddress;
    private final PeerSockets sockets;
    private final PeerAuthenticator authenticator;
    private final LeaderCore core;
    private final RoleLoop loop;
    private final Map<Long, LearnerLink> links = new ConcurrentHashMap<>();
    private final TreeMap<Long, CompletableFuture<Void>> proposals = new TreeMap<>();
    private final ArrayDeque<CompletableFuture<Void>> localSyncs = new ArrayDeque<>();
    private final int initLimitMs;
    private ServerSocket listener;
    private volatile boolean serving;
    private volatile long servingEpoch = -1;
    private volatile long servingSinceMs;
    private volatile LeaderCore.LearnerCounts counts = new LeaderCore.LearnerCounts(0, 0, 0, 0, 0);
    private final ProposalSizes proposalSizes = new ProposalSizes();

    /** The core ticks twice per tickTime, as Apache's leader pings, so its tick limits are doubled. */
    public LeaderRunner(long myId, QuorumVerifier verifier, Replica replica, HostPort quorumAddress,
            PeerSockets sockets, PeerAuthenticator authenticator) throws IOException {
        this.myId = myId;
        this.replica = replica;
        this.quorumAddress = quorumAddress;
        this.sockets = sockets;
        this.authenticator = authenticator;
        int tickMs = replica.config().tickTimeMs();
        this.initLimitMs = tickMs * replica.config().initLimitTicks();
        long lastZxid = replica.lastProcessedZxid();
        this.core = new LeaderCore(myId, verifier, 2 * replica.config().initLimitTicks(),
                2 * replica.config().syncLimitTicks(), replica.storage().acceptedEpoch(),
                replica.storage().currentEpoch(), lastZxid, CommittedWindowLoader.load(replica, lastZxid));
        this.loop = new RoleLoop(tickMs / 2, this::tick);
    }

    /** Leads until the leadership ends; returns why it ended. */
    public String run() throws IOException, InterruptedException {
        listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(quorumAddress.host(), quorumAddress.port()));
        Thread acceptor = new Thread(this::acceptLearners, "menagerie-leader-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        LOG.info("Leading: waiting for followers on {}", quorumAddress);
        try {
            loop.post(() -> carryOut(core.start()));
            return loop.run();
        } finally {
            shutdown();
        }
    }

    /** Ends the leadership from another thread. */
    public void stop(String reason) {
        loop.finish(reason);
    }

    public boolean isServing() {
        return serving;
    }

    /** Apache's leader metrics for {@code mntr}, in its order. */
    public Map<String, Object> monitorValues() {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        LeaderCore.LearnerCounts now = counts;
        values.put("learners", now.learners());
        values.put("synced_followers", now.syncedFollowers());
        values.put("synced_non_voting_followers", now.syncedNonVotingFollowers());
        values.put("synced_observers", now.syncedObservers());
        values.put("pending_syncs", now.pendingSyncs());
        values.put("leader_uptime", serving ? System.currentTimeMillis() - servingSinceMs : 0);
        proposalSizes.addTo(values);
        return values;
    }

    /** The epoch being led once a quorum is in sync, else -1. */
    public long servingEpoch() {
        return serving ? servingEpoch : -1;
    }

    // ---- Proposer, called by the server's pipeline ----

    @Override
    public CompletionStage<Void> propose(LogEntry entry, CompletionStage<Void> localDurable) {
        CompletableFuture<Void> committed = new CompletableFuture<>();
        proposalSizes.record(entry.txnBytes().length);
        loop.post(() -> {
            if (loop.finished()) {
                committed.completeExceptionally(new IOException("no longer leading"));
                return;
            }
            proposals.put(entry.zxid(), committed);
            carryOut(core.propose(entry.zxid(), entry.txnBytes()));
        });
        localDurable.whenComplete((ok, error) -> loop.post(() -> {
            if (error != null) {
                giveUp("the leader could not log 0x" + Long.toHexString(entry.zxid()) + ": " + error);
            } else {
                carryOut(core.localLogged(entry.zxid()));
            }
        }));
        return committed;
    }

    @Override
    public CompletionStage<Void> sync() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.post(() -> {
            localSyncs.add(done);
            carryOut(core.syncRequest(myId));
        });
        return done;
    }

    // ---- the loop thread ----

    private void tick() {
        core.applied(replica.lastProcessedZxid());
        carryOut(core.tick());
        counts = core.learnerCounts();
    }

    private void carryOut(List<LeaderOutput> outputs) {
        for (LeaderOutput output : outputs) {
            if (loop.finished()) {
                return;
            }
            try {
                carryOut(output);
            } catch (IOException e) {
                giveUp("disk error: " + e.getMessage());
            }
        }
    }

    private void carryOut(LeaderOutput output) throws IOException {
        if (output instanceof LeaderOutput.Send send) {
            LearnerLink link = links.get(send.toSid());
            if (link != null) {
                link.sender.send(new QuorumPacket(send.type().code(), send.zxid(), send.payload(), null));
            }
        } else if (output instanceof LeaderOutput.Commit commit) {
            CompletableFuture<Void> future = proposals.remove(commit.zxid());
            if (future != null) {
                future.complete(null);
            }
        } else if (output instanceof LeaderOutput.SendSnapshot snap) {
            sendSnapshot(snap.toSid(), snap.zxid());
        } else if (output instanceof LeaderOutput.AcceptEpoch accept) {
            replica.storage().setAcceptedEpoch(accept.epoch());
        } else if (output instanceof LeaderOutput.SetCurrentEpoch current) {
            replica.storage().setCurrentEpoch(current.epoch());
        } else if (output instanceof LeaderOutput.StartServing start) {
            LOG.info("Leading epoch {}: a quorum is in sync, serving clients", Zxids.epoch(start.epochStartZxid()));
            servingEpoch = Zxids.epoch(start.epochStartZxid());
            servingSinceMs = System.currentTimeMillis();
            serving = true;
            replica.serveAsLeader(start.epochStartZxid(), this);
        } else if (output instanceof LeaderOutput.SyncReady ready) {
            if (ready.sid() == myId) {
                CompletableFuture<Void> done = localSyncs.poll();
                if (done != null) {
                    done.complete(null);
                }
            } else {
                LearnerLink link = links.get(ready.sid());
                if (link != null) {
                    link.sender.send(new QuorumPacket(ZabPacketType.SYNC.code(), 0, null, null));
                }
            }
        } else if (output instanceof LeaderOutput.CloseLearner close) {
            LOG.warn("Dropping learner {}: {}", close.sid(), close.reason());
            LearnerLink link = links.remove(close.sid());
            if (link != null) {
                link.close();
            }
            core.learnerLost(close.sid());
        } else if (output instanceof LeaderOutput.GiveUp giveUp) {
            giveUp(giveUp.reason());
        }
    }

    private void sendSnapshot(long sid, long zxid) {
        LearnerLink link = links.get(sid);
        if (link == null) {
            return;
        }
        LOG.info("Sending learner {} a snapshot as of 0x{}", sid, Long.toHexString(zxid));
        link.sender.send(new QuorumPacket(ZabPacketType.SNAP.code(), zxid, null, null));
        link.sender.enqueue(channel -> channel.writeStream(replica::writeSnapshot,
                PacketChannel.SNAPSHOT_SIGNATURE));
    }

    private void giveUp(String reason) {
        if (loop.finished()) {
            return;
        }
        loop.finish(reason);
    }

    private void shutdown() {
        serving = false;
        try {
            if (listener != null) {
                listener.close();
            }
        } catch (IOException ignored) {
            // closing
        }
        links.values().forEach(LearnerLink::close);
        links.clear();
        IOException lost = new IOException("leadership ended");
        proposals.values().forEach(f -> f.completeExceptionally(lost));
        proposals.clear();
        localSyncs.forEach(f -> f.completeExceptionally(lost));
        localSyncs.clear();
    }

    // ---- learner connections ----

    private void acceptLearners() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                Thread reader = new Thread(() -> serveLearner(socket), "menagerie-learner-" + socket.getPort());
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    LOG.warn("Accepting a learner failed: {}", e.getMessage());
                }
            }
        }
    }

    private void serveLearner(Socket accepted) {
        LearnerLink link = null;
        try {
            accepted.setSoTimeout(initLimitMs);
            PeerSockets.Accepted taken;
            InputStream in;
            try {
                taken = sockets.accepted(accepted);
                in = new BufferedInputStream(taken.in());
                authenticator.asServer(taken.socket(), in);
            } catch (SSLException | SaslException e) {
                LOG.warn("Refused quorum connection from {}: {}", accepted.getRemoteSocketAddress(), e.getMessage());
                accepted.close();
                return;
            }
            PacketChannel channel = new PacketChannel(taken.socket(), in);
            channel.setReadTimeoutMs(initLimitMs);
            QuorumPacket info = channel.read();
            LearnerRole role = info.type() == ZabPacketType.FOLLOWERINFO.code() ? LearnerRole.FOLLOWER
                    : info.type() == ZabPacketType.OBSERVERINFO.code() ? LearnerRole.OBSERVER : null;
            if (role == null || info.data() == null || info.data().length < 8) {
                LOG.warn("A connection from {} did not start with FOLLOWERINFO or OBSERVERINFO", channel.remote());
                channel.close();
                return;
            }
            long sid = ByteBuffer.wrap(info.data()).getLong();
            LearnerLink newLink = new LearnerLink(sid, channel);
            link = newLink;
            long acceptedEpoch = Zxids.epoch(info.zxid());
            LOG.info("{} {} connected from {}", role == LearnerRole.FOLLOWER ? "Follower" : "Observer", sid,
                    channel.remote());
            loop.post(() -> {
                LearnerLink previous = links.put(sid, newLink);
                if (previous != null) {
                    previous.close();
                    core.learnerLost(sid);
                }
                newLink.sender.start();
                carryOut(core.learnerInfo(sid, role, acceptedEpoch));
            });
            readFrom(newLink, channel);
        } catch (IOException e) {
            if (link != null && !loop.finished()) {
                LOG.info("Learner {} disconnected: {}", link.sid, e.getMessage());
            }
        } finally {
            if (link != null) {
                LearnerLink gone = link;
                gone.close();
                loop.post(() -> {
                    if (links.remove(gone.sid, gone)) {
                        carryOut(core.learnerLost(gone.sid));
                    }
                });
            }
        }
    }

    private void readFrom(LearnerLink link, PacketChannel channel) throws IOException {
        long sid = link.sid;
        while (!link.closed) {
            QuorumPacket packet = channel.read();
            if (packet.type() == ZabPacketType.ACK.code()) {
                long zxid = packet.zxid();
                loop.post(() -> carryOut(core.ack(sid, zxid)));
                // Only NEWLEADER and UPTODATE are acked with an epoch-start zxid; from then on syncLimit applies.
                // (Decided from the packet: the core belongs to the loop thread.)
                if (Zxids.isEpochStart(zxid)) {
                    channel.setReadTimeoutMs(syncLimitMs());
                }
            } else if (packet.type() == ZabPacketType.ACKEPOCH.code()) {
                long epoch = LearnerRegistration.ackedCurrentEpoch(packet.data());
                long zxid = packet.zxid();
                loop.post(() -> {
                    core.applied(replica.lastProcessedZxid());
                    carryOut(core.ackEpoch(sid, epoch, zxid));
                });
            } else if (packet.type() == ZabPacketType.PING.code()) {
                Map<Long, Integer> sessions = PingSessions.read(packet.data());
                loop.post(() -> core.heardFrom(sid));
                if (serving && !sessions.isEmpty()) {
                    replica.touchSessions(sessions);
                }
            } else if (packet.type() == ZabPacketType.REQUEST.code()) {
                forwarded(sid, packet);
            } else if (packet.type() == ZabPacketType.REVALIDATE.code()) {
                loop.post(() -> core.heardFrom(sid));
                link.sender.send(revalidated(packet.data()));
            }
        }
    }

    /**
     * The answer to a learner's REVALIDATE ({@code long sessionId, int timeoutMs}): {@code long sessionId, boolean
     * valid}, as Apache's leader writes it; Apache learners hold the reconnecting client until it comes.
     */
    private QuorumPacket revalidated(byte[] data) throws IOException {
        if (data == null || data.length < 12) {
            throw new IOException("a REVALIDATE without session id and timeout");
        }
        ByteBuffer request = ByteBuffer.wrap(data);
        long sessionId = request.getLong();
        int timeoutMs = request.getInt();
        boolean valid = serving && replica.revalidateSession(sessionId, timeoutMs);
        byte[] answer = ByteBuffer.allocate(9).putLong(sessionId).put((byte) (valid ? 1 : 0)).array();
        return new QuorumPacket(ZabPacketType.REVALIDATE.code(), -1, answer, null);
    }

    private int syncLimitMs() {
        return replica.config().tickTimeMs() * replica.config().syncLimitTicks();
    }

    private void forwarded(long sid, QuorumPacket packet) throws IOException {
        byte[] data = packet.data();
        if (data == null || data.length < 16) {
            throw new IOException("learner " + sid + " sent a REQUEST without a request header");
        }
        ByteBuffer buffer = ByteBuffer.wrap(data);
        long sessionId = buffer.getLong();
        int cxid = buffer.getInt();
        int type = buffer.getInt();
        byte[] body = new byte[buffer.remaining()];
        buffer.get(body);
        if (type == OpCode.SYNC) {
            loop.post(() -> carryOut(core.syncRequest(sid)));
            return;
        }
        if (!serving) {
            return; // not yet established: the learner's client times out and retries, as with Apache
        }
        List<Forwarder.AuthId> auth = new ArrayList<>();
        if (packet.authinfo() != null) {
            for (Id id : packet.authinfo()) {
                auth.add(new Forwarder.AuthId(id.scheme(), id.id()));
            }
        }
        replica.submitForwarded(sessionId, cxid, type, body, auth);
    }

    private final class LearnerLink {
        final long sid;
        final PacketChannel channel;
        final PacketSender sender;
        volatile boolean closed;

        LearnerLink(long sid, PacketChannel channel) {
            this.sid = sid;
            this.channel = channel;
            this.sender = new PacketSender(channel, "menagerie-leader-send-" + sid, e -> {
                LOG.warn("Dropping learner {}: {}; it will sync again when it reconnects", sid, e.getMessage());
                close();
            });
        }

        void close() {
            closed = true;
            sender.stop();
            channel.close();
        }
    }
}
