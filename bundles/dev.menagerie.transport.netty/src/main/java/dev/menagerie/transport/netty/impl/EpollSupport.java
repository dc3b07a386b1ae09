package dev.menagerie.transport.netty.impl;

import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;

/**
 * Everything that names Netty's epoll classes. Their package is an optional import: when the epoll bundle (or its
 * native fragment for this platform) is missing, touching them fails with a linkage error, caught here.
 */
final class EpollSupport {

    private EpollSupport() {
    }

    /** Null when native epoll can be used; otherwise a one-line reason. */
    static String unavailabilityReason() {
        try {
            if (Epoll.isAvailable()) {
                return null;
            }
            Throwable cause = Epoll.unavailabilityCause();
            return cause == null ? "unknown reason" : rootMessage(cause);
        } catch (LinkageError e) {
            return "the io.netty.channel.epoll package is not present (" + e + ")";
        }
    }

    static IoTransport transport() {
        return new IoTransport(true, "native epoll", EpollIoHandler::newFactory, EpollServerSocketChannel.class);
    }

    private static String rootMessage(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }
}
