package dev.menagerie.transport.netty.impl;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds one connection's place under the {@link HandshakeLimit}, from its arrival until its TLS handshake ends (or
 * it closes, or the sniffer finds it plain). It sits after the TLS handler or the sniffer, which tell it through
 * user events.
 */
final class HandshakeGate extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(HandshakeGate.class);

    private final HandshakeLimit limit;
    private boolean holding;

    HandshakeGate(HandshakeLimit limit) {
        this.limit = limit;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (!limit.tryStart()) {
            LOG.debug("Closing the connection from {}: too many TLS handshakes in progress ({})",
                    ctx.channel().remoteAddress(), HandshakeLimit.PROPERTY);
            ctx.close();
            return;
        }
        holding = true;
        ctx.fireChannelActive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof SslHandshakeCompletionEvent || event == TlsSniffer.PLAIN) {
            release();
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        release();
        ctx.fireChannelInactive();
    }

    private void release() {
        if (holding) {
            holding = false;
            limit.finished();
        }
    }
}
