package dev.menagerie.election.fle.impl.net;

import java.io.Closeable;
import java.io.IOException;

final class Sockets {

    private Sockets() {
    }

    /** Closes {@code c}; a failure to close a socket we are abandoning anyway is not worth reporting. */
    static void closeQuietly(Closeable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (IOException e) {
            // nothing useful to do: the socket is being thrown away
        }
    }
}
