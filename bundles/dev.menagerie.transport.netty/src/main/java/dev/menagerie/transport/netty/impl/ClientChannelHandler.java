package dev.menagerie.transport.netty.impl;

import dev.menagerie.api.metrics.Counter;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ReferenceCountUtil;
import java.security.cert.Certificate;
import java.util.List;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of a client channel: makes the {@link NettyConnection} once the channel is usable (at once on
 * the plain port, after a successful handshake on the TLS port) and passes it what the channel reads.
 * A channel whose handshake fails never reaches the server.
 */
final class ClientChannelHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ClientChannelHandler.class);

    private final ConnectionRegistry registry;
    private final boolean trustStoreConfigured;
    private final Counter unsuccessfulHandshakes;
    private NettyConnection connection;
    private boolean opened;

    /**
     * @param trustStoreConfigured whether a certificate a TLS client presents can be authenticated; without a trust
     *                             store of ours Apache refuses such a client, and so do we
     * @param unsuccessfulHandshakes counts the TLS handshakes that fail
     */
    ClientChannelHandler(ConnectionRegistry registry, boolean trustStoreConfigured, Counter unsuccessfulHandshakes) {
        this.registry = registry;
        this.trustStoreConfigured = trustStoreConfigured;
        this.unsuccessfulHandshakes = unsuccessfulHandshakes;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        // A port that also takes TLS knows what the channel speaks only at its first bytes (see channelRead).
        if (sslHandler(ctx) == null && ctx.pipeline().get(TlsSniffer.class) == null) {
            open(ctx, List.of());
        }
        ctx.fireChannelActive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof SslHandshakeCompletionEvent handshake) {
            if (handshake.isSuccess()) {
                openSecure(ctx);
            } else {
                unsuccessfulHandshakes.increment();
                // Expected when a client has no or an untrusted certificate: one line, no stack trace.
                LOG.info("TLS handshake with {} failed: {}", ctx.channel().remoteAddress(), handshake.cause().toString());
                ctx.close();
            }
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (!opened && message instanceof ByteBuf) {
            SslHandler ssl = sslHandler(ctx);
            if (ssl == null) {
                open(ctx, List.of());
            } else if (ssl.handshakeFuture().isSuccess()) {
                openSecure(ctx);
            }
        }
        if (connection != null && message instanceof ByteBuf bytes) {
            connection.read(bytes);
        } else {
            ReferenceCountUtil.release(message);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (connection != null) {
            connection.channelClosed();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Resets and broken pipes are how clients leave; the close is reported through channelInactive.
        LOG.debug("channel {} failed: {}", ctx.channel(), cause.toString());
        ctx.close();
    }

    private void openSecure(ChannelHandlerContext ctx) {
        SslHandler ssl = sslHandler(ctx);
        List<Certificate> certificates = ssl == null ? List.of() : peerCertificates(ssl.engine().getSession());
        if (!certificates.isEmpty() && !trustStoreConfigured && !opened) {
            LOG.warn("Closing the TLS connection from {}: it presented a certificate, and with no"
                    + " ssl.trustStore.location there is nothing to authenticate it against", ctx.channel().remoteAddress());
            opened = true;
            ctx.close();
            return;
        }
        open(ctx, certificates);
    }

    private void open(ChannelHandlerContext ctx, List<Certificate> peerCertificates) {
        if (opened || !ctx.channel().isActive()) {
            return;
        }
        opened = true;
        connection = registry.open(ctx.channel(), peerCertificates);
    }

    private static SslHandler sslHandler(ChannelHandlerContext ctx) {
        return ctx.pipeline().get(SslHandler.class);
    }

    private static List<Certificate> peerCertificates(SSLSession session) {
        try {
            return List.of(session.getPeerCertificates());
        } catch (SSLPeerUnverifiedException e) {
            return List.of(); // the client sent no certificate and none was required
        }
    }
}
