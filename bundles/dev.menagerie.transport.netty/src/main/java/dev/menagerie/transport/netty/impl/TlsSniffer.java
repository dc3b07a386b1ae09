package dev.menagerie.transport.netty.impl;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.SslHandler;
import java.util.List;

/**
 * Apache's {@code client.portUnification}: the plain client port also serves TLS clients. A TLS client's first
 * byte is 22 (a handshake record); once five bytes show a TLS record header the channel gets a TLS handler, and
 * any other first byte (a ZooKeeper frame starts with its length, a four-letter word with a letter) leaves the
 * channel plain. Either way this handler steps aside and hands on what it read.
 */
final class TlsSniffer extends ByteToMessageDecoder {

    private static final byte TLS_HANDSHAKE_RECORD = 0x16;
    private static final int TLS_RECORD_HEADER_BYTES = 5;

    /** Makes the TLS handler for a channel; returns null when TLS cannot be offered now (the channel is closed). */
    interface TlsHandlers {
        SslHandler forChannel(ChannelHandlerContext ctx);
    }

    /** The user event fired when a connection's first bytes show it plain (the sniffer is gone by then). */
    static final Object PLAIN = new Object() {
        @Override
        public String toString() {
            return "plain connection";
        }
    };

    private final TlsHandlers tlsHandlers;

    TlsSniffer(TlsHandlers tlsHandlers) {
        this.tlsHandlers = tlsHandlers;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (in.readableBytes() == 0) {
            return;
        }
        boolean tls;
        if (in.getByte(in.readerIndex()) != TLS_HANDSHAKE_RECORD) {
            tls = false;
        } else if (in.readableBytes() < TLS_RECORD_HEADER_BYTES) {
            return; // wait for the record header
        } else {
            tls = SslHandler.isEncrypted(in, false);
        }
        if (!tls) {
            ctx.pipeline().remove(this);
            ctx.fireUserEventTriggered(PLAIN);
            return;
        }
        ChannelHandler handler = tlsHandlers.forChannel(ctx);
        if (handler == null) {
            in.skipBytes(in.readableBytes());
            ctx.close();
            return;
        }
        ctx.pipeline().replace(this, "tls", handler);
    }
}
