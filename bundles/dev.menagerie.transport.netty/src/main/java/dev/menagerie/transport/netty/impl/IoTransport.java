package dev.menagerie.transport.netty.impl;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.util.function.Supplier;

/**
 * The I/O engine under the event loops: native epoll when its library loads, else Java NIO.
 *
 * @param description how the choice is reported in the start-up log line
 */
record IoTransport(boolean nativeEpoll, String description, Supplier<IoHandlerFactory> ioHandlers,
        Class<? extends ServerChannel> serverChannelType) {

    /** Native epoll when available; otherwise NIO, with the reason epoll was passed over. */
    static IoTransport choose() {
        String unavailable = EpollSupport.unavailabilityReason();
        return unavailable == null ? EpollSupport.transport() : nio("native epoll unavailable: " + unavailable);
    }

    static IoTransport nio(String reason) {
        return new IoTransport(false, "Java NIO (" + reason + ")", NioIoHandler::newFactory,
                NioServerSocketChannel.class);
    }
}
