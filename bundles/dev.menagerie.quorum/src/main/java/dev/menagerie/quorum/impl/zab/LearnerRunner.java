package dev.menagerie.quorum.impl.zab;

import dev.menagerie.api.config.HostPort;
import dev.menagerie.api.election.PeerAuthenticator;
import dev.menagerie.api.election.PeerSockets;
import dev.menagerie.api.replication.Forwarder;
import dev.menagerie.api.replication.Replica;
import dev.menagerie.api.storage.LogEntry;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.data.Id;
import dev.menagerie.protocol.quorum.QuorumPacket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.security.sasl.SaslException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows or observes one leader: connects to its quorum port, registers (FOLLOWERINFO/OBSERVERINFO, LEADERINFO,
 * ACKEPOCH), then feeds the leader's packets, completed log writes and ticks to a {@link FollowerCore} on one
 * thread and carries out its outputs. Ends when the core loses the leader or the peer stops it.
 */
public final class LearnerRunner implements Forwarder {

    private static final Logger LOG = LoggerFactory.getLogger(LearnerRunner.class);
    /**
     * The leader opens its quorum port only after its own election finishes, often a few milliseconds after ours:
     * retry soon, then back off.
     */
    private static final long FIRST_CONNECT_RETRY_MS = 10;
    private static final long MAX_CONNECT_RETRY_MS = 500;

    private final long myId;
    private final LearnerRole role;
    private final Replica replica;
    private final HostPort leaderAddress;
    private final long leaderId;
    private final PeerSockets sockets;
    private final PeerAuthenticator authenticator;
    private final FollowerCore core;
    private final RoleLoop loop;
    private final Queue<CompletableFuture<Void>> syncs = new ConcurrentLinkedQueue<>();
    private volatile PacketChannel channel;
    private volatile PacketSender sender;
    private volatile boolean serving;
    private volatile long leaderEpoch = -1;

    public LearnerRunner(long myId, boolean observer, Replica replica, long leaderId, HostPort leaderAddress,
            PeerSockets sockets, PeerAuthenticator authenticator) {
        this.sockets = sockets;
        this.authenticator = authenticator;
        this.myId = myId;
        this.role = observer ? LearnerRole.OBSERVER : LearnerRole.FOLLOWER;
        this.replica = replica;
        this.leaderId = leaderId;
        this.leaderAddress = leaderAddress;
        int tickMs = replica.config().tickTimeMs();
        try {
            this.core = new FollowerCore(myId, role, 2 * replica.config().initLimitTicks(),
                    2 * replica.config().syncLimitTicks(), replica.storage().acceptedEpoch(),
                    replica.storage().currentEpoch(), replica.lastProcessedZxid());
        } catch (IOException e) {
            throw new UncheckedIOException("reading the epoch files", e);
        }
        this.loop = new RoleLoop(tickMs / 2, () -> carryOut(core.tick()));
    }

    /** Follows until the leader is lost; returns why it ended. */
    public String run() throws InterruptedException {
        try {
            PacketChannel connected = connect();
            if (connected == null) {
                return "could not connect to leader " + leaderId + " at " + leaderAddress;
            }
            channel = connected;
            sender = new PacketSender(connected, "menagerie-learner-send", e -> loop.finish(
                    "writing to the leader failed: " + e.getMessage()));
            sender.start();
            Thread reader = new Thread(this::readLeader, "menagerie-learner-read");
            reader.setDaemon(true);
            reader.start();
            loop.post(() -> carryOut(core.start()));
            return loop.run();
        } finally {
            shutdown();
        }
    }

    public void stop(String reason) {
        loop.finish(reason);
    }

    public boolean isServing() {
        return serving;
    }

    /** The leader's epoch once in sync with it (UPTODATE came), else -1. */
    public long servingEpoch() {
        return serving ? leaderEpoch : -1;
    }

    // ---- Forwarder, called by the server for its clients' writes ----

    @Override
    public void forward(long sessionId, int cxid, int type, byte[] body, List<AuthId> authIds) {
        PacketSender out = sender;
        if (out == null) {
            return;
        }
        ByteBuffer data = ByteBuffer.allocate(16 + body.length);
        data.putLong(sessionId).putInt(cxid).putInt(type).put(body);
        List<Id> auth = new ArrayList<>(authIds.size());
        for (AuthId id : authIds) {
            auth.add(new Id(id.scheme(), id.id()));
        }
        out.send(new QuorumPacket(ZabPacketType.REQUEST.code(), -1, data.array(), auth));
    }

    @Override
    public CompletionStage<Void> sync() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        PacketSender out = sender;
        if (out == null || loop.finished()) {
            done.completeExceptionally(new IOException("not connected to a leader"));
            return done;
        }
        syncs.add(done);
        ByteBuffer data = ByteBuffer.allocate(16).putLong(0).putInt(0).putInt(OpCode.SYNC);
        out.send(new QuorumPacket(ZabPacketType.REQUEST.code(), -1, data.array(), List.of()));
        return done;
    }

    // ---- connection and registration (on the peer's thread) ----

    private PacketChannel connect() throws InterruptedException {
        int initLimitMs = replica.config().tickTimeMs() * replica.config().initLimitTicks();
        long deadline = System.nanoTime() + initLimitMs * 1_000_000L;
        IOException last = null;
        long retryMs = FIRST_CONNECT_RETRY_MS;
        while (!loop.finished() && System.nanoTime() < deadline) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(leaderAddress.host(), leaderAddress.port()),
                        Math.max(1000, replica.config().tickTimeMs() * replica.config().syncLimitTicks()));
                socket.setSoTimeout(initLimitMs);
                Socket dialled = sockets.dialled(socket);
                authenticator.asLearner(dialled, leaderAddress.host());
                PacketChannel connected = new PacketChannel(dialled);
                connected.setReadTimeoutMs(initLimitMs);
                return connected;
            } catch (SaslException e) {
                // As Apache's learner: a failed authentication is not retried; the peer goes back to electing.
                LOG.warn("Quorum SASL with leader {} at {} failed: {}", leaderId, leaderAddress, e.getMessage());
                closeQuietly(socket);
                return null;
            } catch (IOException e) {
                last = e;
                closeQuietly(socket);
                Thread.sleep(retryMs);
                retryMs = Math.min(MAX_CONNECT_RETRY_MS, retryMs * 2);
            }
        }
        if (last != null) {
            LOG.info("Could not connect to leader {} at {}: {}", leaderId, leaderAddress, last.getMessage());
        }
        return null;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // never opened, or already closed
        }
    }

    // ---- the reader thread ----

    private void readLeader() {
        PacketChannel in = channel;
        try {
            while (!loop.finished()) {
                QuorumPacket packet = in.read();
                ZabPacketType type = ZabPacketType.fromCode(packet.type());
                if (type == null) {
                    continue;
                }
                if (type == ZabPacketType.SNAP) {
                    receiveSnapshot(in, packet.zxid());
                } else if (type == ZabPacketType.SYNC) {
                    loop.post(this::syncDone);
                    continue;
                } else if (type == ZabPacketType.UPTODATE) {
                    in.setReadTimeoutMs(replica.config().tickTimeMs() * replica.config().syncLimitTicks());
                }
                byte[] payload = type == ZabPacketType.SNAP ? null : packet.data();
                long zxid = packet.zxid();
                loop.post(() -> carryOut(core.receive(type, zxid, payload)));
            }
        } catch (IOException e) {
            loop.finish("connection to leader " + leaderId + " lost: " + e);
        }
    }

    /** The snapshot follows SNAP on the stream, so it is read here, before any later packet. */
    private void receiveSnapshot(PacketChannel in, long zxid) throws IOException {
        LOG.info("Loading a snapshot as of 0x{} from the leader", Long.toHexString(zxid));
        long started = System.nanoTime();
        replica.loadSnapshot(in.input(), zxid);
        String signature = in.readString();
        if (!PacketChannel.SNAPSHOT_SIGNATURE.equals(signature)) {
            throw new IOException("the snapshot from the leader ends with \"" + signature + "\", not "
                    + PacketChannel.SNAPSHOT_SIGNATURE);
        }
        LOG.info("Snapshot 0x{} loaded in {} ms", Long.toHexString(zxid), (System.nanoTime() - started) / 1_000_000);
    }

    // ---- the loop thread ----

    private void carryOut(List<FollowerOutput> outputs) {
        for (FollowerOutput output : outputs) {
            if (loop.finished()) {
                return;
            }
            try {
                carryOut(output);
            } catch (IOException | RuntimeException e) {
                loop.finish("failed to carry out " + output.getClass().getSimpleName() + ": " + e);
            }
        }
    }

    private void carryOut(FollowerOutput output) throws IOException {
        if (output instanceof FollowerOutput.AppendToLog append) {
            long zxid = append.zxid();
            replica.storage().append(new LogEntry(zxid, append.txn())).whenComplete((ok, error) -> loop.post(() -> {
                if (error != null) {
                    loop.finish("could not log 0x" + Long.toHexString(zxid) + ": " + error);
                } else {
                    carryOut(core.logged(zxid));
                }
            }));
        } else if (output instanceof FollowerOutput.Apply apply) {
            replica.applyCommitted(new LogEntry(apply.zxid(), apply.txn()));
        } else if (output instanceof FollowerOutput.SendAck ack) {
            send(ZabPacketType.ACK, ack.zxid(), null);
        } else if (output instanceof FollowerOutput.SendPingReply ping) {
            send(ZabPacketType.PING, ping.zxid(), PingSessions.write(replica.localSessions()));
        } else if (output instanceof FollowerOutput.TruncateLog truncate) {
            LOG.info("Truncating the log after 0x{} as the leader asks", Long.toHexString(truncate.zxid()));
            replica.truncate(truncate.zxid());
        } else if (output instanceof FollowerOutput.TakeSnapshot) {
            replica.takeSnapshot();
        } else if (output instanceof FollowerOutput.Send send) {
            send(send.type(), send.zxid(), send.payload());
        } else if (output instanceof FollowerOutput.AcceptEpoch accept) {
            replica.storage().setAcceptedEpoch(accept.epoch());
        } else if (output instanceof FollowerOutput.SetCurrentEpoch current) {
            replica.storage().setCurrentEpoch(current.epoch());
        } else if (output instanceof FollowerOutput.StartServing start) {
            leaderEpoch = start.epoch();
            serving = true;
            LOG.info("In sync with leader {}: serving clients", leaderId);
            replica.serveAsLearner(this);
        } else if (output instanceof FollowerOutput.LeaderLost lost) {
            loop.finish(lost.reason());
        }
        // LoadSnapshotFromLeader: the reader thread loaded it already, before the packets after it.
    }

    private void send(ZabPacketType type, long zxid, byte[] payload) {
        PacketSender out = sender;
        if (out != null) {
            out.send(new QuorumPacket(type.code(), zxid, payload, null));
        }
    }

    private void syncDone() {
        CompletableFuture<Void> done = syncs.poll();
        if (done != null) {
            done.complete(null);
        }
    }

    private void shutdown() {
        serving = false;
        PacketSender out = sender;
        if (out != null) {
            out.stop();
        }
        PacketChannel open = channel;
        if (open != null) {
            open.close();
        }
        IOException lost = new IOException("no longer following");
        CompletableFuture<Void> pending;
        while ((pending = syncs.poll()) != null) {
            pending.completeExceptionally(lost);
        }
    }
}
