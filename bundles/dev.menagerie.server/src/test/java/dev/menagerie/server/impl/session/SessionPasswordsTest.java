package dev.menagerie.server.impl.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;

import org.apache.zookeeper.server.ZooKeeperServer;
import org.junit.jupiter.api.Test;

class SessionPasswordsTest {

    @Test
    void passwordsAreApachesForTheSameSession() throws Exception {
        ZooKeeperServer apache = new ZooKeeperServer();
        Method generate = ZooKeeperServer.class.getDeclaredMethod("generatePasswd", long.class);
        generate.setAccessible(true);
        for (long sessionId : new long[] {1L, 0x100000000L, 0x0123456789ABCDEFL, -5L, Long.MAX_VALUE}) {
            assertArrayEquals((byte[]) generate.invoke(apache, sessionId), SessionPasswords.password(sessionId),
                    "session 0x" + Long.toHexString(sessionId));
        }
    }

    @Test
    void checkAcceptsOnlyTheDerivedPassword() {
        long sessionId = 0x1234L;
        byte[] password = SessionPasswords.password(sessionId);
        assertEquals(16, password.length);
        assertTrue(SessionPasswords.checkPassword(sessionId, password));
        password[3] ^= 1;
        assertFalse(SessionPasswords.checkPassword(sessionId, password));
        assertFalse(SessionPasswords.checkPassword(sessionId, null));
    }

    @Test
    void sessionZeroNeverHasAValidPassword() {
        assertFalse(SessionPasswords.checkPassword(0, SessionPasswords.password(0)));
    }

    @Test
    void anotherSecretGivesAnotherPassword() {
        assertFalse(java.util.Arrays.equals(SessionPasswords.password(7, 1L), SessionPasswords.password(7)));
        assertTrue(SessionPasswords.checkPassword(7, SessionPasswords.password(7, 1L), 1L));
    }
}
