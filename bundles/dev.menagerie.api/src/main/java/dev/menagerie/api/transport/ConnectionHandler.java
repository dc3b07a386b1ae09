package dev.menagerie.api.transport;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The server side of a transport: the transport frames bytes and calls these methods; the server decodes and
 * answers. Calls for one connection never overlap and come in the order the bytes arrived.
 */
@ProviderType
public interface ConnectionHandler {

    /** The one four-letter word followed by an argument on the wire: Apache ZooKeeper's set-trace-mask. */
    String SET_TRACE_MASK = "stmk";

    /** The bytes of {@link #SET_TRACE_MASK}'s argument: one big-endian long, the new trace mask. */
    int SET_TRACE_MASK_ARGUMENT_BYTES = Long.BYTES;

    /** How long a transport waits for a four-letter word's argument before it closes the connection. */
    long FOUR_LETTER_ARGUMENT_WAIT_MS = 2000;

    /** A client connected; returning false refuses it (for example, too many connections from its address). */
    boolean connected(Connection connection);

    /**
     * One complete frame, without its length prefix. The buffer is valid only during the call. A frame whose
     * declared length exceeds {@link TransportSettings#maxFrameBytes()} never reaches here: the transport logs it
     * and closes the connection.
     */
    void received(Connection connection, ByteBuffer frame);

    /**
     * The first four bytes of a new connection spelled a four-letter word such as {@code ruok}; the handler
     * answers with {@link Connection#sendRawAndClose}.
     */
    void fourLetterWord(Connection connection, String command);

    /**
     * The word {@link #SET_TRACE_MASK} and the argument that followed it: {@link #SET_TRACE_MASK_ARGUMENT_BYTES}
     * bytes read as a big-endian long, as Apache ZooKeeper's clients send them. A transport calls this instead of
     * {@link #fourLetterWord(Connection, String)} once all the argument bytes have arrived; when they do not
     * arrive within {@link #FOUR_LETTER_ARGUMENT_WAIT_MS} or the client closes first, it logs that and closes the
     * connection without calling either method. A handler that does not override this method handles the word
     * as if no argument had been sent.
     */
    default void fourLetterWord(Connection connection, String command, long argument) {
        fourLetterWord(connection, command);
    }

    /**
     * A client connection the handler accepted is plain, not TLS: Apache ZooKeeper's netty transport counts these as
     * connections without mutual TLS ({@code non_mtls_local_conn_count} for a loopback address,
     * {@code non_mtls_remote_conn_count} otherwise). A transport that does not count them, as Apache's nio
     * transport does not, never calls it.
     */
    default void plainConnectionAccepted(InetSocketAddress remoteAddress) {
    }

    /** The connection is gone, whoever closed it. */
    void closed(Connection connection);
}
