package dev.menagerie.quorum.impl.zab;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The data of a learner's PING reply: the sessions connected to it, each as {@code long sessionId, int timeoutMs},
 * back to back, as Apache's Learner.ping writes them.
 */
final class PingSessions {

    private PingSessions() {
    }

    static byte[] write(Map<Long, Integer> timeoutsBySession) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(12 * timeoutsBySession.size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (Map.Entry<Long, Integer> entry : timeoutsBySession.entrySet()) {
                out.writeLong(entry.getKey());
                out.writeInt(entry.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads whole pairs; a truncated tail is ignored. */
    static Map<Long, Integer> read(byte[] data) {
        Map<Long, Integer> sessions = new LinkedHashMap<>();
        if (data == null) {
            return sessions;
        }
        ByteBuffer buffer = ByteBuffer.wrap(data);
        while (buffer.remaining() >= 12) {
            sessions.put(buffer.getLong(), buffer.getInt());
        }
        return sessions;
    }
}
