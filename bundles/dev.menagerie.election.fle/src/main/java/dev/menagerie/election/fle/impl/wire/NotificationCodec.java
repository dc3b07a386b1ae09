package dev.menagerie.election.fle.impl.wire;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Encodes notifications in the version 2 layout (big-endian: int state, long leader, long zxid, long
 * electionEpoch, long peerEpoch, int version, int configLength, config bytes) and decodes every layout a 3.9
 * receiver accepts.
 */
public final class NotificationCodec {

    /** state, leader, zxid, electionEpoch: what every generation of the protocol sends. */
    static final int PRE_EPOCH_LENGTH = 28;
    /** ...plus peerEpoch and the version field; 3.4.6 to 3.4.14 stop here. */
    static final int VERSION_1_LENGTH = 40;
    /** ...plus configLength; the config bytes follow. */
    static final int HEADER_LENGTH = 44;

    private NotificationCodec() {
    }

    /** The version 2 bytes of {@code n}; its version field is written as {@value Notification#CURRENT_VERSION}. */
    public static byte[] encode(Notification n) {
        byte[] config = n.config().getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_LENGTH + config.length);
        buffer.putInt(n.stateCode());
        buffer.putLong(n.leader());
        buffer.putLong(n.zxid());
        buffer.putLong(n.electionEpoch());
        buffer.putLong(n.peerEpoch());
        buffer.putInt(Notification.CURRENT_VERSION);
        buffer.putInt(config.length);
        buffer.put(config);
        return buffer.array();
    }

    /**
     * Reads one whole message payload (the frame without its length), as a 3.9 receiver does. The length decides
     * the layout: exactly 28 bytes carry no peerEpoch (it is the zxid's epoch); exactly 40 bytes are read without
     * their version field (which counts as 0); any other length of at least 40 has a version, and versions above 1
     * a configuration. Bytes after the configuration are ignored.
     */
    public static Notification decode(byte[] payload) throws MalformedMessageException {
        int length = payload.length;
        if (length < PRE_EPOCH_LENGTH) {
            throw new MalformedMessageException("notification of " + length + " bytes, fewer than 28");
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        try {
            return read(buffer, length);
        } catch (BufferUnderflowException e) {
            throw new MalformedMessageException("notification of " + length + " bytes ends inside a field");
        }
    }

    private static Notification read(ByteBuffer buffer, int length) throws MalformedMessageException {
        int state = buffer.getInt();
        long leader = buffer.getLong();
        long zxid = buffer.getLong();
        long electionEpoch = buffer.getLong();
        if (length == PRE_EPOCH_LENGTH) {
            return new Notification(state, leader, zxid, electionEpoch, epochOf(zxid), 0, "");
        }
        long peerEpoch = buffer.getLong();
        // A 40-byte message comes from 3.4, whose version field 3.9 deliberately does not read.
        int version = length == VERSION_1_LENGTH ? 0 : buffer.getInt();
        String config = version > 1 ? readConfig(buffer, length) : "";
        return new Notification(state, leader, zxid, electionEpoch, peerEpoch, version, config);
    }

    private static String readConfig(ByteBuffer buffer, int length) throws MalformedMessageException {
        int configLength = buffer.getInt();
        if (configLength < 0 || configLength > length) {
            throw new MalformedMessageException("notification configLength " + configLength + " outside 0.." + length);
        }
        byte[] config = new byte[configLength];
        buffer.get(config);
        return new String(config, StandardCharsets.UTF_8);
    }

    /** The epoch part of a zxid; a signed shift, as Apache's ZxidUtils does. */
    static long epochOf(long zxid) {
        return zxid >> 32;
    }
}
