package dev.menagerie.server.impl.cnxn;

import dev.menagerie.api.auth.ConnectionInfo;
import dev.menagerie.api.transport.Connection;
import dev.menagerie.protocol.ErrorCode;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.Xids;
import dev.menagerie.protocol.data.Id;
import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;
import dev.menagerie.protocol.proto.AuthPacket;
import dev.menagerie.protocol.proto.ConnectRequest;
import dev.menagerie.protocol.proto.ConnectResponse;
import dev.menagerie.protocol.proto.ReplyHeader;
import dev.menagerie.protocol.proto.RequestHeader;
import dev.menagerie.protocol.proto.SetSASLRequest;
import dev.menagerie.protocol.proto.SetSASLResponse;
import dev.menagerie.protocol.proto.WatcherEvent;
import dev.menagerie.server.impl.auth.AuthInfo;
import dev.menagerie.server.impl.auth.EnsembleAuthenticationProvider;
import dev.menagerie.server.impl.core.ZooKeeperServer;
import dev.menagerie.server.impl.op.Operation;
import dev.menagerie.server.impl.op.OperationDecoder;
import dev.menagerie.server.impl.op.Unimplemented;
import dev.menagerie.server.impl.pipeline.Admission;
import dev.menagerie.server.impl.pipeline.ClientLink;
import dev.menagerie.server.impl.pipeline.Request;
import dev.menagerie.server.impl.pipeline.SerializedBody;
import dev.menagerie.server.impl.session.SessionPasswords;
import dev.menagerie.server.impl.session.SessionTimeoutBounds;
import dev.menagerie.server.impl.throttle.ConnectionThrottle;
import java.nio.ByteBuffer;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection's protocol state: the connect handshake, auth packets, handing requests to the server
 * and writing replies and watch events. Frames arrive on the transport's thread; replies are written from the
 * commit thread.
 */
final class ClientConnection implements ClientLink {

    private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);

    private enum State { AWAITING_CONNECT, ESTABLISHING, ESTABLISHED, CLOSED }

    private final Connection transport;
    private final ZooKeeperServer server;
    private final AuthInfo authInfo;
    private final ConnectionInfo connectionInfo;
    private final ConnectionStats stats = new ConnectionStats();
    private final Queue<ByteBuffer> heldFrames = new ArrayDeque<>();
    private State state = State.AWAITING_CONNECT;
    private volatile long sessionId;
    private volatile int timeoutMs;
    private boolean readOnlyFieldPresent;
    private boolean throttled;
    private SaslExchange sasl;

    ClientConnection(Connection transport, ZooKeeperServer server) {
        this.transport = transport;
        this.server = server;
        this.connectionInfo = new ConnectionInfo(transport.remoteAddress().getAddress().getHostAddress(),
                x509Chain(transport.peerCertificates()));
        this.authInfo = AuthInfo.forConnection(connectionInfo);
        if (!connectionInfo.certificateChain().isEmpty()) {
            authInfo.add(server.providers().authenticate("x509", new byte[0], connectionInfo));
        }
    }

    Connection transport() {
        return transport;
    }

    ConnectionStats stats() {
        return stats;
    }

    // ---- frames from the transport ----

    /** Frames of one connection arrive in order; those sent while the session is being set up wait for it. */
    synchronized void received(ByteBuffer frame) {
        stats.received();
        server.stats().received();
        // As Apache, the bytes of the frame and of its length prefix.
        server.metrics().bytesReceived.add(Integer.BYTES + frame.remaining());
        if (state == State.ESTABLISHING) {
            heldFrames.add(copy(frame));
            return;
        }
        handle(frame);
    }

    private void handle(ByteBuffer frame) {
        try {
            if (state == State.AWAITING_CONNECT) {
                connect(ConnectRequest.read(reader(frame)));
            } else if (state == State.ESTABLISHED) {
                request(frame);
            }
        } catch (JuteException e) {
            LOG.warn("Closing connection from {}: malformed packet ({})", transport.remoteAddress(), e.getMessage());
            transport.close();
        }
    }

    private JuteReader reader(ByteBuffer frame) {
        return new JuteReader(frame, server.settings().maxRecordBytes());
    }

    private void connect(ConnectRequest request) {
        if (!server.serving()) {
            // Apache's "ZooKeeperServer not running": a quorum peer that is electing or syncing takes no clients.
            LOG.info("Closing connection from {}: the server is not serving requests (no quorum role yet)",
                    transport.remoteAddress());
            server.metrics().cnxnClosedWithoutServerRunning.increment();
            transport.close();
            return;
        }
        if (!admittedByThrottle(request.sessionId())) {
            return;
        }
        readOnlyFieldPresent = request.readOnlyPresent();
        long serverZxid = server.lastProcessedZxid();
        if (request.lastZxidSeen() > serverZxid) {
            LOG.info("Refusing session 0x{} for {}: it has seen zxid 0x{}, ours is 0x{}; the client must try"
                    + " another server", Long.toHexString(request.sessionId()), transport.remoteAddress(),
                    Long.toHexString(request.lastZxidSeen()), Long.toHexString(serverZxid));
            transport.close();
            return;
        }
        server.metrics().connectionRequests.increment();
        var settings = server.settings();
        timeoutMs = new SessionTimeoutBounds(settings.minSessionTimeoutMs(), settings.maxSessionTimeoutMs())
                .negotiate(request.timeOut());
        if (request.sessionId() == 0) {
            state = State.ESTABLISHING;
            sessionId = server.registry().create(this, timeoutMs);
            return;
        }
        sessionId = request.sessionId();
        server.metrics().connectionRevalidations.increment();
        boolean valid = SessionPasswords.checkPassword(sessionId, request.passwd())
                && server.registry().resume(this, sessionId, timeoutMs);
        if (!valid) {
            LOG.info("Session 0x{} from {} cannot be resumed: expired or wrong password",
                    Long.toHexString(sessionId), transport.remoteAddress());
        }
        sessionEstablished(valid);
    }

    /** Apache's BlueThrottle check, before anything else of the connect request; a refusal closes unanswered. */
    private boolean admittedByThrottle(long requestedSessionId) {
        ConnectionThrottle throttle = server.connectionThrottle();
        if (!throttle.tryAcquire(throttle.settings().tokensFor(requestedSessionId))) {
            server.metrics().connectionsRejected.increment();
            // A connection storm is what the throttle is for: one line per refusal would add to it.
            LOG.debug("Closing connection from {}: the connection throttle has no tokens left",
                    transport.remoteAddress());
            state = State.CLOSED;
            transport.close();
            return false;
        }
        server.metrics().connectionTokenDeficit.record(throttle.deficit());
        return true;
    }

    private void request(ByteBuffer frame) throws JuteException {
        int requestBytes = frame.remaining();
        JuteReader in = reader(frame);
        RequestHeader header = RequestHeader.read(in);
        server.registry().touch(sessionId, timeoutMs);
        stats.lastCxid(header.xid());
        if (header.type() == OpCode.AUTH) {
            authenticate(header, AuthPacket.read(in));
            return;
        }
        if (header.type() == OpCode.SASL) {
            sasl(header, SetSASLRequest.read(in));
            return;
        }
        if (!server.clientAuth().admits(authInfo.ids())) {
            // Apache's enforce.auth: the request is refused and the connection closed (the session lives on).
            LOG.warn("Closing connection from {} (session 0x{}): it holds none of the enforced schemes {} (has {})",
                    transport.remoteAddress(), Long.toHexString(sessionId), server.settings().auth()
                            .enforceAuthSchemes(), authInfo.ids().stream().map(Id::scheme).toList());
            refuse(new ReplyHeader(header.xid(), 0, ErrorCode.SESSIONCLOSEDREQUIRESASLAUTH.code()), null);
            return;
        }
        Operation operation = OperationDecoder.fromClient(header.type(), in);
        if (operation instanceof Unimplemented) {
            // Apache's UnimplementedRequestProcessor: a check outside a multi counts as unknown too; the reply
            // carries zxid -1 and goes out at once, and the connection closes (the session lives on).
            LOG.info("Closing connection from {} (session 0x{}): op code {} is not a request a client may send",
                    transport.remoteAddress(), Long.toHexString(sessionId), header.type());
            refuse(new ReplyHeader(header.xid(), -1, ErrorCode.UNIMPLEMENTED.code()), null);
            return;
        }
        int largeBytes = server.admission().reserveLarge(requestBytes);
        if (largeBytes == Admission.REFUSED) {
            server.metrics().largeRequestsRejected.increment();
            LOG.warn("Closing connection from {} (session 0x{}): its {}-byte request would put the large requests"
                    + " held over largeRequestMaxBytes ({} bytes)", transport.remoteAddress(),
                    Long.toHexString(sessionId), requestBytes, server.settings().largeRequests().maxBytes());
            transport.close();
            return;
        }
        stats.outstanding(+1);
        Request request = new Request(this, sessionId, header.xid(), operation, authInfo.ids());
        request.largeRequestBytes(largeBytes);
        server.submit(request);
        if (server.admission().overloaded()) {
            throttled = true;
            transport.setReceiving(false);
        }
    }

    private void authenticate(RequestHeader header, AuthPacket packet) {
        if (EnsembleAuthenticationProvider.SCHEME.equals(packet.scheme()) && server.providers().ensemble().isPresent()) {
            checkEnsemble(server.providers().ensemble().get(), packet.auth());
            return;
        }
        List<Id> ids = server.providers().authenticate(packet.scheme(), packet.auth(), connectionInfo);
        if (ids.isEmpty()) {
            LOG.warn("Authentication failed for scheme {} from {}", packet.scheme(), transport.remoteAddress());
            server.stats().authFailed();
            sendReply(new ReplyHeader(Xids.AUTH, 0, ErrorCode.AUTHFAILED.code()), null);
            transport.close();
            return;
        }
        authInfo.add(ids);
        LOG.info("Session 0x{}: auth success for scheme {} from {}", Long.toHexString(sessionId), packet.scheme(),
                transport.remoteAddress());
        sendReply(new ReplyHeader(Xids.AUTH, 0, 0), null);
    }

    /** As Apache: a wrong ensemble name closes the connection unanswered, so the client moves to another server. */
    private void checkEnsemble(EnsembleAuthenticationProvider ensemble, byte[] name) {
        EnsembleAuthenticationProvider.Outcome outcome = ensemble.check(name, connectionInfo.remoteAddress(),
                System.currentTimeMillis());
        server.metrics().ensembleAuth(outcome);
        if (outcome == EnsembleAuthenticationProvider.Outcome.REFUSED) {
            state = State.CLOSED;
            transport.close();
            return;
        }
        sendReply(new ReplyHeader(Xids.AUTH, 0, 0), null);
    }

    private void sasl(RequestHeader header, SetSASLRequest request) {
        if (sasl == null) {
            sasl = new SaslExchange(server.clientAuth(), String.valueOf(transport.remoteAddress()));
        }
        SaslExchange.Step step = sasl.evaluate(request.token(), sessionId);
        authInfo.add(step.gained());
        if (step.close()) {
            server.stats().authFailed();
            refuse(new ReplyHeader(header.xid(), 0, step.error()), new SetSASLResponse(null));
            return;
        }
        sendReply(new ReplyHeader(header.xid(), 0, step.error()), new SetSASLResponse(step.token()));
    }

    /** Answers with an error and closes, reading nothing more from the client (Apache's closeConn). */
    private void refuse(ReplyHeader reply, JuteRecord body) {
        sendReply(reply, body);
        state = State.CLOSED;
        transport.close();
    }

    // ---- ClientLink: called by the pipeline ----

    @Override
    public void reply(int xid, long zxid, int err, JuteRecord body) {
        stats.lastZxid(zxid);
        server.metrics().responseBytes.add(sendReply(new ReplyHeader(xid, zxid, err), body));
    }

    @Override
    public void process(WatcherEvent event, long zxid) {
        server.metrics().watchBytes.add(sendReply(new ReplyHeader(Xids.NOTIFICATION, zxid, 0), event));
    }

    @Override
    public synchronized void sessionEstablished(boolean valid) {
        ConnectResponse response = new ConnectResponse(0, valid ? timeoutMs : 0, valid ? sessionId : 0,
                valid ? SessionPasswords.password(sessionId) : new byte[SessionPasswords.PASSWORD_LENGTH], false,
                readOnlyFieldPresent);
        send(response);
        if (!valid) {
            transport.close();
            return;
        }
        state = State.ESTABLISHED;
        stats.established(sessionId, timeoutMs);
        while (!heldFrames.isEmpty() && state == State.ESTABLISHED) {
            handle(heldFrames.poll());
        }
    }

    @Override
    public void closeAfterReplies() {
        transport.close();
    }

    @Override
    public void requestDone(int type, long zxid, long latencyMs) {
        stats.answered(OpCode.name(type), latencyMs);
        server.stats().requestDone(latencyMs);
        boolean resume;
        synchronized (this) {
            // As Apache: a connection with nothing outstanding is never held back, or it would wait forever.
            resume = throttled && (!server.admission().overloaded() || stats.outstanding() == 0);
            if (resume) {
                throttled = false;
            }
        }
        if (resume) {
            transport.setReceiving(true);
        }
    }

    // ---- Watcher ----

    @Override
    public long sessionId() {
        return sessionId;
    }

    @Override
    public String remoteAddress() {
        return connectionInfo.remoteAddress();
    }

    @Override
    public List<Id> authInfo() {
        return authInfo.ids();
    }

    /** True until a connect request has been read (its session may still be being set up after that). */
    synchronized boolean awaitingConnect() {
        return state == State.AWAITING_CONNECT;
    }

    @Override
    public synchronized boolean isStale() {
        return state == State.CLOSED;
    }

    int timeoutMs() {
        return timeoutMs;
    }

    void closed() {
        synchronized (this) {
            state = State.CLOSED;
        }
        if (sessionId != 0) {
            server.registry().connectionClosed(sessionId, this);
        }
    }

    // ---- writing ----

    /** Returns the bytes of the frame without its length prefix, as Apache counts a response; 0 if not sent. */
    private int sendReply(ReplyHeader header, JuteRecord body) {
        JuteWriter out = new JuteWriter(64);
        header.write(out);
        ByteBuffer frame;
        if (body instanceof SerializedBody serialized) {
            // Encoded once for many replies (the response cache): copied after the header, not encoded again.
            byte[] bytes = serialized.bytes();
            frame = ByteBuffer.allocate(out.size() + bytes.length).put(out.view()).put(bytes).flip();
        } else {
            if (body != null) {
                body.write(out);
            }
            frame = out.view();
        }
        int size = frame.remaining();
        if (!sendFrame(frame)) {
            return 0;
        }
        server.stats().responseSizes().sent(size);
        return size;
    }

    private void send(JuteRecord record) {
        JuteWriter out = new JuteWriter(64);
        record.write(out);
        sendFrame(out.view());
    }

    /** False when the frame (without its length prefix) was too large to send (the connection is closed). */
    private boolean sendFrame(ByteBuffer frame) {
        int limit = server.settings().juteMaxBufferBytes();
        int size = frame.remaining();
        if (size > limit) {
            LOG.warn("Closing connection from {} (session 0x{}): a {}-byte response is larger than jute.maxbuffer"
                    + " ({} bytes); the client could not read it. Raise jute.maxbuffer on both sides or read less"
                    + " at once.", transport.remoteAddress(), Long.toHexString(sessionId), size, limit);
            transport.close();
            return false;
        }
        stats.sent();
        server.stats().sent();
        transport.send(frame);
        return true;
    }

    private static ByteBuffer copy(ByteBuffer frame) {
        ByteBuffer copy = ByteBuffer.allocate(frame.remaining());
        copy.put(frame.duplicate()).flip();
        return copy;
    }

    private static List<X509Certificate> x509Chain(List<Certificate> certificates) {
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate certificate : certificates) {
            if (certificate instanceof X509Certificate x509) {
                chain.add(x509);
            }
        }
        return chain;
    }
}
