package dev.menagerie.server.impl.pipeline;

/** Where the server hands client requests while it serves: the pipeline, or a learner's stage. */
public interface RequestSink {

    void start();

    /**
     * Queues a request. Each inbox of the sink holds at most {@link StageSettings#queueCapacity()} requests; when
     * the first is full this returns false, queues nothing, and the caller must answer for the request (close the
     * client's connection, retry an expiry later). A sink never drops a request it accepted, except on
     * {@link #abort}.
     */
    boolean submit(Request request);

    /** Requests accepted and not yet answered. */
    int queued();

    /** Transactions whose applied tree digest differed from the one logged with them (should stay 0). */
    long digestMismatches();

    /** Answers what is queued, then stops the threads (at most {@code timeoutMs} each). */
    void stop(long timeoutMs) throws InterruptedException;

    /**
     * Stops the threads without answering what is queued or waiting (a quorum peer lost its role); committed
     * transactions already handed over are still applied.
     */
    default void abort(long timeoutMs) throws InterruptedException {
        stop(timeoutMs);
    }
}
