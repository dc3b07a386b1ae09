package dev.menagerie.protocol.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.menagerie.protocol.AddWatchMode;
import dev.menagerie.protocol.CreateMode;
import dev.menagerie.protocol.ErrorCode;
import dev.menagerie.protocol.EventType;
import dev.menagerie.protocol.FourLetterWordCodes;
import dev.menagerie.protocol.KeeperState;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.Perms;
import dev.menagerie.protocol.WatcherType;
import dev.menagerie.protocol.data.Ids;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.server.EphemeralType;
import org.apache.zookeeper.server.command.FourLetterCommands;
import org.junit.jupiter.api.Test;

/** Every protocol constant agrees with Apache ZooKeeper 3.9.5's own definition of it. */
class ConstantsCompatibilityTest {

    @Test
    void opCodesHaveApacheNumbersAndNames() throws IllegalAccessException {
        List<Field> apache = intConstants(ZooDefs.OpCode.class);
        for (Field field : apache) {
            assertEquals(field.getName(), OpCode.name(field.getInt(null)));
        }
        long ours = IntStream.rangeClosed(-1000, 1000).filter(code -> OpCode.name(code) != null).count();
        assertEquals(apache.size(), ours, "no op code of ours is unknown to Apache");
        assertNull(OpCode.name(10), "there is no op code 10");
    }

    @Test
    void errorCodesHaveApacheNumbersNamesAndMessages() throws ReflectiveOperationException {
        Method message = KeeperException.class.getDeclaredMethod("getCodeMessage", KeeperException.Code.class);
        message.setAccessible(true);
        for (KeeperException.Code code : KeeperException.Code.values()) {
            ErrorCode ours = ErrorCode.fromCode(code.intValue());
            assertNotNull(ours, code.name());
            assertEquals(code.name(), ours.name());
            assertEquals(message.invoke(null, code), ours.message());
        }
        assertEquals(KeeperException.Code.values().length, ErrorCode.values().length);
        assertEquals(KeeperException.create(KeeperException.Code.NONODE, "/a").getMessage(),
                ErrorCode.NONODE.describe("/a"));
    }

    @Test
    void permsAndWellKnownAclsMatchApache() {
        assertEquals(ZooDefs.Perms.READ, Perms.READ);
        assertEquals(ZooDefs.Perms.WRITE, Perms.WRITE);
        assertEquals(ZooDefs.Perms.CREATE, Perms.CREATE);
        assertEquals(ZooDefs.Perms.DELETE, Perms.DELETE);
        assertEquals(ZooDefs.Perms.ADMIN, Perms.ADMIN);
        assertEquals(ZooDefs.Perms.ALL, Perms.ALL);
        assertEquals(ZooDefs.Ids.OPEN_ACL_UNSAFE, Apache.acls(Ids.OPEN_ACL_UNSAFE));
        assertEquals(ZooDefs.Ids.CREATOR_ALL_ACL, Apache.acls(Ids.CREATOR_ALL_ACL));
        assertEquals(ZooDefs.Ids.READ_ACL_UNSAFE, Apache.acls(Ids.READ_ACL_UNSAFE));
    }

    @Test
    void createModesHaveApacheFlagsAndPredicates() {
        for (int flag = -2; flag <= 8; flag++) {
            org.apache.zookeeper.CreateMode apache = org.apache.zookeeper.CreateMode.fromFlag(flag, null);
            CreateMode ours = CreateMode.fromFlag(flag);
            if (apache == null) {
                assertNull(ours, "flag " + flag);
                continue;
            }
            assertEquals(apache.name(), ours.name());
            assertEquals(apache.isEphemeral(), ours.isEphemeral(), apache.name());
            assertEquals(apache.isSequential(), ours.isSequential(), apache.name());
            assertEquals(apache.isContainer(), ours.isContainer(), apache.name());
            assertEquals(apache.isTTL(), ours.isTTL(), apache.name());
        }
    }

    @Test
    void ttlRulesMatchApacheEphemeralType() {
        long[] ttls = {Long.MIN_VALUE, -1, 0, 1, 86_400_000L, CreateMode.MAX_TTL_MS, CreateMode.MAX_TTL_MS + 1,
            Long.MAX_VALUE};
        for (CreateMode mode : CreateMode.values()) {
            org.apache.zookeeper.CreateMode apache = org.apache.zookeeper.CreateMode.valueOf(mode.name());
            for (long ttl : ttls) {
                ErrorCode expected = apacheAccepts(apache, ttl) ? ErrorCode.OK : ErrorCode.BADARGUMENTS;
                assertEquals(expected, mode.validate(ttl, true), mode + " ttl " + ttl);
            }
        }
        assertEquals(ErrorCode.UNIMPLEMENTED, CreateMode.PERSISTENT_WITH_TTL.validate(1000, false));
        assertEquals(EphemeralType.TTL.toEphemeralOwner(86_400_000L), CreateMode.ttlEphemeralOwner(86_400_000L));
        assertEquals(EphemeralType.CONTAINER_EPHEMERAL_OWNER, CreateMode.CONTAINER_EPHEMERAL_OWNER);
    }

    @Test
    void watchEnumsHaveApacheNumbers() {
        for (Watcher.Event.EventType apache : Watcher.Event.EventType.values()) {
            assertEquals(plain(apache.name()), plain(EventType.fromInt(apache.getIntValue()).name()));
        }
        for (Watcher.Event.KeeperState apache : Watcher.Event.KeeperState.values()) {
            assertEquals(plain(apache.name()), plain(KeeperState.fromInt(apache.getIntValue()).name()));
        }
        for (Watcher.WatcherType apache : Watcher.WatcherType.values()) {
            assertEquals(plain(apache.name()), plain(WatcherType.fromInt(apache.getIntValue()).name()));
        }
        for (org.apache.zookeeper.AddWatchMode apache : org.apache.zookeeper.AddWatchMode.values()) {
            assertEquals(apache.name(), AddWatchMode.fromMode(apache.getMode()).name());
        }
        assertEquals(Watcher.Event.EventType.values().length, EventType.values().length);
        assertEquals(Watcher.Event.KeeperState.values().length, KeeperState.values().length);
        assertEquals(Watcher.WatcherType.values().length, WatcherType.values().length);
    }

    @Test
    void fourLetterWordsAreTheCodesApacheRecognises() throws IllegalAccessException {
        List<Field> apache = intConstants(FourLetterCommands.class);
        for (Field field : apache) {
            field.setAccessible(true);
            int code = field.getInt(null);
            String name = FourLetterCommands.getCommandString(code);
            assertEquals(name, FourLetterWordCodes.fourLetterWord(code));
            if (name.length() == 4) {
                assertEquals(code, FourLetterWordCodes.code(name));
            }
        }
        assertNull(FourLetterWordCodes.fourLetterWord(44), "an ordinary connect frame length is no command");
    }

    private static boolean apacheAccepts(org.apache.zookeeper.CreateMode mode, long ttl) {
        try {
            EphemeralType.validateTTL(mode, ttl);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Enum names compared without case or underscores: NodeCreated and NODE_CREATED are the same. */
    private static String plain(String name) {
        return name.replace("_", "").toLowerCase(java.util.Locale.ROOT);
    }

    private static List<Field> intConstants(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (field.getType() == int.class && Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers)) {
                fields.add(field);
            }
        }
        return fields;
    }
}
