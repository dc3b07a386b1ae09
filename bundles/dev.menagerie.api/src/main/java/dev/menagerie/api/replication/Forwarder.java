package dev.menagerie.api.replication;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ConsumerType;

/** A learner's way to the leader, used by the server for the writes of its clients. */
@ConsumerType
public interface Forwarder {

    /**
     * Sends a write to the leader (Zab's REQUEST). Its outcome comes back as a committed transaction carrying the
     * same session id and cxid, which the server matches to the waiting client.
     *
     * @param body the request record's bytes, after the request header
     * @param authIds the client's authenticated identities, as {@code scheme:id} pairs
     */
    void forward(long sessionId, int cxid, int type, byte[] body, List<AuthId> authIds);

    /** A client's {@code sync}: completes once this learner applied everything the leader committed before it. */
    CompletionStage<Void> sync();

    /** An authenticated identity of a client. */
    record AuthId(String scheme, String id) {
    }
}
