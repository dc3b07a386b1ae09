package dev.menagerie.server.impl.status;

import dev.menagerie.api.status.ConnectionStatus;
import java.util.List;

/** The client connections of one server, as the status reports them; the client port implements it. */
public interface ClientConnections {

    /** A snapshot of each open connection. */
    List<ConnectionStatus> connectionStatuses();

    int connectionCount();

    /** Zeroes every open connection's counters ({@code crst}). */
    void resetConnectionStatistics();

    /** Closes every client connection; the sessions live on, and their clients reconnect. */
    void closeAll();
}
