package dev.menagerie.config.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigDiffTest {

    @TempDir
    Path tmp;
    ZooCfgFixture zoo;

    @BeforeEach
    void setUp() {
        zoo = new ZooCfgFixture(tmp);
        zoo.myId("1");
    }

    @Test
    void writingOutADefaultIsNoChange() throws Exception {
        ParsedServerConfig before = zoo.config(zoo.base());
        ParsedServerConfig after = zoo.config(zoo.base() + "tickTime=3000\nmaxClientCnxns=60\n");
        assertEquals(Set.of(), ConfigDiff.changedKeys(before, after));
    }

    @Test
    void liveKeysDoNotNeedARestart() throws Exception {
        ParsedServerConfig before = zoo.config(zoo.base());
        ParsedServerConfig after = zoo.config(zoo.base() + "maxClientCnxns=10\nminSessionTimeout=5000\n"
                + "maxSessionTimeout=50000\nglobalOutstandingLimit=10\n4lw.commands.whitelist=*\n"
                + "serverCnxnFactory=netty\nquorumVerifier=x\nstorage=y\nsnapCount=10\njute.maxbuffer=1000\n");
        assertEquals(Set.of("maxClientCnxns", "minSessionTimeout", "maxSessionTimeout", "globalOutstandingLimit",
                "4lw.commands.whitelist", "serverCnxnFactory", "quorumVerifier", "storage", "snapCount",
                "jute.maxbuffer"), ConfigDiff.changedKeys(before, after));
        assertEquals(Set.of(), after.keysNeedingRestart(before));
    }

    @Test
    void storageSettingsNeedARestart() throws Exception {
        ParsedServerConfig before = zoo.config(zoo.base());
        ParsedServerConfig after = zoo.config(zoo.base() + "autopurge.purgeInterval=1\nautopurge.snapRetainCount=5\n"
                + "forceSync=no\n");
        assertEquals(Set.of("autopurge.purgeInterval", "autopurge.snapRetainCount", "forceSync"),
                after.keysNeedingRestart(before));
    }

    @Test
    void structuralKeysNeedARestart() throws Exception {
        ParsedServerConfig before = zoo.config(zoo.base());
        ParsedServerConfig after = zoo.config("dataDir=" + tmp.resolve("other") + "\nclientPort=2182\n"
                + "tickTime=2000\nmaxClientCnxns=5\n");
        assertEquals(Set.of("dataDir", "dataLogDir", "clientPort", "tickTime", "minSessionTimeout",
                "maxSessionTimeout", "maxClientCnxns"), ConfigDiff.changedKeys(before, after));
        assertEquals(Set.of("dataDir", "dataLogDir", "clientPort", "tickTime"), after.keysNeedingRestart(before));
    }

    @Test
    void membershipChangesNeedARestart() throws Exception {
        ParsedServerConfig before = zoo.config(zoo.quorum());
        ParsedServerConfig after = zoo.config(zoo.quorum() + "server.4=10.0.0.4:2888:3888:observer\nweight.2=3\n");
        assertEquals(Set.of("server.4", "weight.2", "weight.4"), after.keysNeedingRestart(before));
    }

    @Test
    void unknownKeysAreComparedByText() throws Exception {
        ParsedServerConfig before = zoo.config(zoo.base() + "custom=1\n");
        ParsedServerConfig after = zoo.config(zoo.base() + "custom=2\n");
        assertEquals(Set.of("custom"), after.keysNeedingRestart(before));
    }
}
