package dev.menagerie.server.embed;

import dev.menagerie.api.storage.Storage;
import dev.menagerie.server.impl.host.TransportSlot;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What an embedded standalone server and an embedded ensemble member do alike when they start and stop. */
final class Hosting {

    private static final Logger LOG = LoggerFactory.getLogger(Hosting.class);

    private Hosting() {
    }

    /** A server's start, which loads the database and opens the client port. */
    interface Start {
        void run() throws IOException;
    }

    /**
     * Starts a server and checks that its client port listens. In the runtime a transport that cannot listen waits
     * for a zoo.cfg change or another transport bundle; an embedding caller has neither and must not be told that
     * the server is ready. A server that cannot start must not leave the storage's threads running in the caller's
     * JVM: on failure it is stopped, and its transport and storage closed.
     */
    static void start(Start start, Runnable stop, TransportSlot transports, String transportType, Storage storage)
            throws IOException {
        boolean started = false;
        try {
            start.run();
            started = true;
            if (!transports.listening()) {
                throw new IOException("the " + transportType + " transport could not listen on the client port"
                        + " (the ERROR above says why)");
            }
        } catch (IOException | RuntimeException e) {
            if (started) {
                stop.run();
            }
            transports.close();
            storage.close();
            throw e;
        }
    }

    /** Closes a stopped server's storage; a failure is logged, since the server is gone either way. */
    static void closeStorage(Storage storage) {
        try {
            storage.close();
        } catch (IOException e) {
            LOG.warn("Closing the storage failed: {}", e.getMessage());
        }
    }
}
