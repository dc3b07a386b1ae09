package dev.menagerie.api.transport;

import java.nio.ByteBuffer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The server side of a transport: the transport frames bytes and calls these methods; the server decodes and
 * answers. Calls for one connection never overlap and come in the order the bytes arrived.
 */
@ProviderType
public interface ConnectionHandler {

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

    /** The connection is gone, whoever closed it. */
    void closed(Connection connection);
}
