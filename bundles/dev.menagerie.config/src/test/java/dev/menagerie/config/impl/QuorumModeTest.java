package dev.menagerie.config.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.config.HostPort;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuorumModeTest {

    @TempDir
    Path tmp;
    ZooCfgFixture zoo;

    @BeforeEach
    void setUp() {
        zoo = new ZooCfgFixture(tmp);
    }

    @Test
    void threeServersWithMyIdIsAQuorum() throws Exception {
        zoo.myId("2\n");
        ParsedServerConfig c = zoo.config(zoo.quorum());
        assertFalse(c.standalone());
        assertEquals(Optional.of(2L), c.myId());
        assertEquals(List.of(1L, 2L, 3L), c.members().stream().map(m -> m.id()).toList());
        assertEquals(10, c.initLimitTicks());
        assertEquals(5, c.syncLimitTicks());
    }

    @Test
    void missingMyIdFileIsAnError() {
        String message = zoo.error(zoo.quorum());
        assertTrue(message.startsWith("zoo.cfg:1: dataDir: the myid file " + zoo.dataDir.resolve("myid")
                + " is missing"), message);
    }

    @Test
    void myIdMustHoldANumber() {
        zoo.myId("one\n");
        assertEquals("zoo.cfg:1: dataDir: the myid file " + zoo.dataDir.resolve("myid")
                + " must hold a server id, but holds \"one\"", zoo.error(zoo.quorum()));
    }

    @Test
    void myIdMustBeListed() {
        zoo.myId("7");
        assertEquals("zoo.cfg:1: dataDir: the myid file says this is server 7, but there is no server.7 line",
                zoo.error(zoo.quorum()));
    }

    @Test
    void initLimitIsRequiredForAQuorum() {
        zoo.myId("1");
        String cfg = zoo.base() + "syncLimit=5\nserver.1=a:1:2\nserver.2=b:1:2\n";
        assertEquals("zoo.cfg: initLimit: required when the configuration lists 2 or more servers", zoo.error(cfg));
    }

    @Test
    void syncLimitIsRequiredForAQuorum() {
        zoo.myId("1");
        String cfg = zoo.base() + "initLimit=5\nserver.1=a:1:2\nserver.2=b:1:2\n";
        assertEquals("zoo.cfg: syncLimit: required when the configuration lists 2 or more servers", zoo.error(cfg));
    }

    @Test
    void zeroInitLimitIsAnError() {
        assertEquals("zoo.cfg:3: initLimit: expected a positive integer, got \"0\"",
                zoo.error(zoo.base() + "initLimit=0\n"));
    }

    @Test
    void singleServerLineIsStandaloneWithoutMyId() throws Exception {
        ParseResult r = zoo.parse(zoo.base() + "server.1=10.0.0.1:2888:3888\n");
        assertTrue(r.config().standalone());
        assertTrue(r.config().members().isEmpty());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("runs standalone")), r.warnings().toString());
    }

    @Test
    void singleServerLineMaySupplyTheStandaloneClientPort() throws Exception {
        ParsedServerConfig c = zoo.config("dataDir=" + zoo.dataDir + "\nserver.1=10.0.0.1:2888:3888;2185\n");
        assertEquals(Optional.of(new HostPort("0.0.0.0", 2185)), c.clientAddress());
    }

    @Test
    void standaloneDisabledMakesASingleServerAQuorum() throws Exception {
        zoo.myId("1");
        ParsedServerConfig c = zoo.config(zoo.base() + "standaloneEnabled=false\ninitLimit=10\nsyncLimit=5\n"
                + "server.1=10.0.0.1:2888:3888\n");
        assertFalse(c.standalone());
        assertEquals(1, c.members().size());
    }

    @Test
    void standaloneDisabledWithoutServersIsAnError() {
        assertEquals("zoo.cfg: standaloneEnabled: standaloneEnabled=false needs server.N lines with at least one"
                + " participant", zoo.error(zoo.base() + "standaloneEnabled=false\n"));
    }

    @Test
    void observersOnlyIsAnError() {
        String cfg = zoo.base() + "server.1=a:1:2:observer\nserver.2=b:1:2:observer\n";
        assertEquals("zoo.cfg: server.N: every server is an observer; a quorum needs at least one participant",
                zoo.error(cfg));
    }

    @Test
    void observersWithASingleParticipantAreAnError() {
        String cfg = zoo.base() + "server.1=a:1:2\nserver.2=b:1:2:observer\n";
        assertTrue(zoo.error(cfg).startsWith("zoo.cfg: server.N: observers need a quorum of 2 or more"));
    }

    @Test
    void peerTypeMustMatchTheServerLine() {
        zoo.myId("4");
        String cfg = zoo.quorum() + "server.4=10.0.0.4:2888:3888:observer\npeerType=participant\n";
        assertEquals("zoo.cfg:9: peerType: this server (myid 4) is declared participant, but its server.4 line"
                + " (zoo.cfg:8) makes it an observer", zoo.error(cfg));
    }

    @Test
    void matchingPeerTypeIsAccepted() throws Exception {
        zoo.myId("4");
        String cfg = zoo.quorum() + "server.4=10.0.0.4:2888:3888:observer\npeerType=observer\n";
        assertEquals(Optional.of(4L), zoo.config(cfg).myId());
    }

    @Test
    void clientAddressComesFromThisServersLine() throws Exception {
        zoo.myId("2");
        String cfg = "dataDir=" + zoo.dataDir + "\ninitLimit=10\nsyncLimit=5\nserver.1=a:2888:3888;2181\n"
                + "server.2=b:2888:3888;b:2182\nserver.3=c:2888:3888;2183\n";
        assertEquals(Optional.of(new HostPort("b", 2182)), zoo.config(cfg).clientAddress());
    }

    @Test
    void clientPortDisagreeingWithThisServersLineIsAnError() {
        zoo.myId("1");
        String cfg = zoo.base() + "initLimit=10\nsyncLimit=5\nserver.1=a:2888:3888;2182\nserver.2=b:2888:3888\n"
                + "server.3=c:2888:3888\n";
        assertEquals("zoo.cfg:2: clientPort: client address 0.0.0.0:2181 differs from the one in server.1"
                + " (0.0.0.0:2182)", zoo.error(cfg));
    }

    @Test
    void quorumWithoutAnyClientPortIsAllowed() throws Exception {
        zoo.myId("1");
        String cfg = "dataDir=" + zoo.dataDir + "\ninitLimit=10\nsyncLimit=5\nserver.1=a:1:2\nserver.2=b:1:2\n"
                + "server.3=c:1:2\n";
        assertTrue(zoo.config(cfg).clientAddress().isEmpty());
    }

    @Test
    void extendedTypesLimitServerIdsTo254() throws Exception {
        zoo.myId("1");
        String cfg = zoo.quorum() + "server.300=10.0.0.9:2888:3888\nextendedTypesEnabled=true\n";
        assertEquals("zoo.cfg:8: server.300: server ids above 254 cannot be used with extendedTypesEnabled=true",
                zoo.error(cfg));
        assertFalse(zoo.config(zoo.quorum() + "extendedTypesEnabled=true\n").standalone());
    }

    @Test
    void twoParticipantsWarnThatNoFailureIsTolerated() throws Exception {
        zoo.myId("1");
        ParseResult r = zoo.parse(zoo.base() + "initLimit=10\nsyncLimit=5\nserver.1=a:1:2\nserver.2=b:1:2\n");
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("no server failure is tolerated")));
    }
}
