package dev.menagerie.config.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TunablesTest {

    @TempDir
    Path tmp;
    ZooCfgFixture zoo;

    @BeforeEach
    void setUp() {
        zoo = new ZooCfgFixture(tmp);
    }

    @Test
    void defaultsMatchApache() throws Exception {
        ParsedServerConfig c = zoo.config(zoo.base());
        assertEquals(100_000, c.snapCount());
        assertEquals(65_536L * 1024, c.preAllocSizeBytes());
        assertTrue(c.forceSync());
        assertEquals(1000, c.globalOutstandingLimit());
        assertEquals(0xfffff, c.juteMaxBufferBytes());
        assertEquals(Set.of("srvr"), c.fourLetterWordWhitelist());
    }

    @Test
    void zooCfgValuesAreRead() throws Exception {
        ParsedServerConfig c = zoo.config(zoo.base() + "snapCount=5000\npreAllocSize=1024\nforceSync=no\n"
                + "globalOutstandingLimit=50\njute.maxbuffer=0x400000\n");
        assertEquals(5000, c.snapCount());
        assertEquals(1024L * 1024, c.preAllocSizeBytes());
        assertFalse(c.forceSync());
        assertEquals(50, c.globalOutstandingLimit());
        assertEquals(0x400000, c.juteMaxBufferBytes());
    }

    @Test
    void systemPropertiesSupplyValuesWhenZooCfgIsSilent() throws Exception {
        zoo.systemProperties.put("jute.maxbuffer", "4194304");
        zoo.systemProperties.put("zookeeper.snapCount", "777");
        zoo.systemProperties.put("zookeeper.forceSync", "no");
        zoo.systemProperties.put("zookeeper.globalOutstandingLimit", "10");
        zoo.systemProperties.put("zookeeper.4lw.commands.whitelist", "ruok,stat");
        ParsedServerConfig c = zoo.config(zoo.base());
        assertEquals(4194304, c.juteMaxBufferBytes());
        assertEquals(777, c.snapCount());
        assertFalse(c.forceSync());
        assertEquals(10, c.globalOutstandingLimit());
        assertEquals(Set.of("ruok", "stat"), c.fourLetterWordWhitelist());
    }

    @Test
    void zooCfgWinsOverSystemProperties() throws Exception {
        zoo.systemProperties.put("zookeeper.snapCount", "777");
        zoo.systemProperties.put("jute.maxbuffer", "4194304");
        ParsedServerConfig c = zoo.config(zoo.base() + "snapCount=999\njute.maxbuffer=2048\n");
        assertEquals(999, c.snapCount());
        assertEquals(2048, c.juteMaxBufferBytes());
    }

    @Test
    void badSystemPropertyIsNamedInTheError() {
        zoo.systemProperties.put("zookeeper.snapCount", "lots");
        assertEquals("zoo.cfg: -Dzookeeper.snapCount: snapCount: expected an integer of at least 2, got \"lots\"",
                zoo.error(zoo.base()));
    }

    @Test
    void snapCountBelowTwoIsAnError() {
        assertEquals("zoo.cfg:3: snapCount: expected an integer of at least 2, got \"1\"",
                zoo.error(zoo.base() + "snapCount=1\n"));
    }

    @Test
    void invalidPreAllocSizeIsAnError() {
        assertEquals("zoo.cfg:3: preAllocSize: expected an integer from 1 to " + (Long.MAX_VALUE / 1024)
                + ", got \"64M\"", zoo.error(zoo.base() + "preAllocSize=64M\n"));
    }

    @Test
    void forceSyncAcceptsYesNoTrueFalseOnly() throws Exception {
        assertTrue(zoo.config(zoo.base() + "forceSync=yes\n").forceSync());
        assertFalse(zoo.config(zoo.base() + "forceSync=false\n").forceSync());
        assertEquals("zoo.cfg:3: forceSync: expected yes or no, got \"sometimes\"",
                zoo.error(zoo.base() + "forceSync=sometimes\n"));
    }

    @Test
    void zeroGlobalOutstandingLimitIsAnError() {
        assertEquals("zoo.cfg:3: globalOutstandingLimit: expected a positive integer, got \"0\"",
                zoo.error(zoo.base() + "globalOutstandingLimit=0\n"));
    }

    @Test
    void juteMaxBufferMustBeAPositiveNumber() {
        assertEquals("zoo.cfg:3: jute.maxbuffer: expected a positive number of bytes (decimal or 0x hex), got \"1MB\"",
                zoo.error(zoo.base() + "jute.maxbuffer=1MB\n"));
        assertEquals("zoo.cfg:3: jute.maxbuffer: expected a positive number of bytes (decimal or 0x hex), got \"0\"",
                zoo.error(zoo.base() + "jute.maxbuffer=0\n"));
    }

    @Test
    void fourLetterWordsStarEnablesAll() throws Exception {
        assertEquals(Set.of("*"), zoo.config(zoo.base() + "4lw.commands.whitelist=*\n").fourLetterWordWhitelist());
        assertEquals(Set.of("*"),
                zoo.config(zoo.base() + "4lw.commands.whitelist=ruok, *\n").fourLetterWordWhitelist());
    }

    @Test
    void fourLetterWordListIsTrimmedAndLowerCased() throws Exception {
        assertEquals(Set.of("ruok", "mntr", "srvr"),
                zoo.config(zoo.base() + "4lw.commands.whitelist= ruok , MNTR,srvr,\n").fourLetterWordWhitelist());
    }

    @Test
    void fourLetterWordOfOtherLengthIsAnError() {
        assertEquals("zoo.cfg:3: 4lw.commands.whitelist: \"stats\" is not a four-letter word",
                zoo.error(zoo.base() + "4lw.commands.whitelist=ruok,stats\n"));
        assertEquals("zoo.cfg:3: 4lw.commands.whitelist: expected a comma-separated list of four-letter words, or *,"
                + " got \",\"", zoo.error(zoo.base() + "4lw.commands.whitelist=,\n"));
    }

    @Test
    void unknownFourLetterWordWarns() throws Exception {
        ParseResult r = zoo.parse(zoo.base() + "4lw.commands.whitelist=ruok,abcd\n");
        assertTrue(r.warnings().contains("zoo.cfg:3: 4lw.commands.whitelist: unknown command \"abcd\" (ignored by the"
                + " server)"), r.warnings().toString());
    }

    @Test
    void readOnlyModeAddsIsroToTheDefaultWhitelist() throws Exception {
        zoo.systemProperties.put("readonlymode.enabled", "true");
        assertEquals(Set.of("srvr", "isro"), zoo.config(zoo.base()).fourLetterWordWhitelist());
    }

    @Test
    void serverCnxnFactoryAcceptsApacheClassNames() throws Exception {
        assertEquals("netty", zoo.config(zoo.base()
                + "serverCnxnFactory=org.apache.zookeeper.server.NettyServerCnxnFactory\n").cnxnFactoryType());
        assertEquals("nio", zoo.config(zoo.base()
                + "serverCnxnFactory=org.apache.zookeeper.server.NIOServerCnxnFactory\n").cnxnFactoryType());
        assertEquals("netty", zoo.config(zoo.base() + "serverCnxnFactory=Netty\n").cnxnFactoryType());
    }

    @Test
    void serverCnxnFactoryFromSystemPropertyIsHonoured() throws Exception {
        zoo.systemProperties.put("zookeeper.serverCnxnFactory", "org.apache.zookeeper.server.NettyServerCnxnFactory");
        assertEquals("netty", zoo.config(zoo.base()).cnxnFactoryType());
    }

    @Test
    void pluginTypeNamesAreKeptAsWritten() throws Exception {
        ParsedServerConfig c = zoo.config(zoo.base() + "serverCnxnFactory=epollX\nstorage=memory\n"
                + "electionType=raftish\nquorumVerifier=unanimous\n");
        assertEquals("epollX", c.cnxnFactoryType());
        assertEquals("memory", c.storageType());
        assertEquals("raftish", c.electionType());
        assertEquals("unanimous", c.verifierType());
    }

    @Test
    void strategyTypeWithSpacesIsAnError() {
        assertEquals("zoo.cfg:3: storage: expected a type name without spaces, got \"my store\"",
                zoo.error(zoo.base() + "storage=my store\n"));
        assertEquals("zoo.cfg:3: quorumVerifier: expected a type name without spaces, got \"\"",
                zoo.error(zoo.base() + "quorumVerifier=\n"));
    }

    @Test
    void extendedTypesEnabledMustBeBoolean() {
        assertEquals("zoo.cfg:3: extendedTypesEnabled: expected true or false, got \"on\"",
                zoo.error(zoo.base() + "extendedTypesEnabled=on\n"));
    }
}
