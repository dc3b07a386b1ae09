package dev.menagerie.server.impl.session;

import java.security.MessageDigest;
import java.util.Random;

/**
 * Session passwords as Apache ZooKeeper derives them: 16 bytes from {@code new Random(sessionId ^ secret)}. Any server
 * of an ensemble can therefore check a reconnecting client's password without storing it, and clients can move
 * between Menagerie and Apache servers.
 */
public final class SessionPasswords {
    /** Apache's fixed {@code ZooKeeperServer.superSecret}. */
    public static final long DEFAULT_SECRET = 0XB3415C00L;
    /** Bytes in a session password. */
    public static final int PASSWORD_LENGTH = 16;

    private SessionPasswords() {
    }

    /** The password of {@code sessionId} under Apache's secret. */
    public static byte[] password(long sessionId) {
        return password(sessionId, DEFAULT_SECRET);
    }

    /** The password of {@code sessionId} under {@code secret}. */
    public static byte[] password(long sessionId, long secret) {
        byte[] password = new byte[PASSWORD_LENGTH];
        new Random(sessionId ^ secret).nextBytes(password);
        return password;
    }

    /** Apache's {@code checkPasswd}: session 0 never matches; otherwise the bytes must equal the derived password. */
    public static boolean checkPassword(long sessionId, byte[] password) {
        return checkPassword(sessionId, password, DEFAULT_SECRET);
    }

    /** As {@link #checkPassword(long, byte[])} under {@code secret}. */
    public static boolean checkPassword(long sessionId, byte[] password, long secret) {
        return sessionId != 0 && password != null && MessageDigest.isEqual(password, password(sessionId, secret));
    }
}
