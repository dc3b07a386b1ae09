package dev.menagerie.config.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.config.HostPort;
import dev.menagerie.api.config.LearnerType;
import dev.menagerie.api.config.QuorumMember;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerLineTest {

    @TempDir
    Path tmp;
    ZooCfgFixture zoo;

    @BeforeEach
    void setUp() {
        zoo = new ZooCfgFixture(tmp);
        zoo.myId("1\n");
    }

    private String quorumWith(String server1) {
        return zoo.base() + "initLimit=10\nsyncLimit=5\nserver.1=" + server1
                + "\nserver.2=10.0.0.2:2888:3888\nserver.3=10.0.0.3:2888:3888\n";
    }

    private QuorumMember member1(String server1) throws ConfigException {
        return zoo.config(quorumWith(server1)).members().get(0);
    }

    @Test
    void threeFourFormHasNoClientAddress() throws Exception {
        QuorumMember m = member1("zk1.example.invalid:2888:3888");
        assertEquals(new HostPort("zk1.example.invalid", 2888), m.quorumAddress());
        assertEquals(new HostPort("zk1.example.invalid", 3888), m.electionAddress());
        assertNull(m.clientAddress());
        assertEquals(LearnerType.PARTICIPANT, m.type());
    }

    @Test
    void threeFiveFormCarriesTheClientPort() throws Exception {
        assertEquals(new HostPort("0.0.0.0", 2181), member1("10.0.0.1:2888:3888;2181").clientAddress());
        assertEquals(new HostPort("10.0.0.1", 2181),
                member1("10.0.0.1:2888:3888:participant;10.0.0.1:2181").clientAddress());
    }

    @Test
    void ipv6LiteralsInBrackets() throws Exception {
        QuorumMember m = member1("[2001:db8::1]:2888:3888;[2001:db8::1]:2181");
        assertEquals(new HostPort("2001:db8::1", 2888), m.quorumAddress());
        assertEquals(new HostPort("2001:db8::1", 3888), m.electionAddress());
        assertEquals(new HostPort("2001:db8::1", 2181), m.clientAddress());
        assertEquals("[2001:db8::1]:2888", m.quorumAddress().toString());
    }

    @Test
    void malformedIpv6LiteralIsAnError() {
        String message = zoo.error(quorumWith("[::1:2888:3888"));
        assertTrue(message.startsWith("zoo.cfg:5: server.1: unclosed or malformed IPv6 literal"), message);
    }

    @Test
    void observerTypeIsRead() throws Exception {
        ParsedServerConfig c = zoo.config(zoo.quorum() + "server.4=10.0.0.4:2888:3888:observer\n");
        assertEquals(LearnerType.OBSERVER, c.members().get(3).type());
        assertTrue(!c.members().get(3).votes());
    }

    @Test
    void unknownTypeIsAnError() {
        assertEquals("zoo.cfg:5: server.1: unknown server type \"voter\", expected participant or observer",
                zoo.error(quorumWith("10.0.0.1:2888:3888:voter")));
    }

    @Test
    void missingElectionPortIsAnError() {
        assertEquals("zoo.cfg:5: server.1: expected " + ServerLineParser.FORM + ", got \"10.0.0.1:2888\"",
                zoo.error(quorumWith("10.0.0.1:2888")));
    }

    @Test
    void nonNumericPortIsAnError() {
        assertEquals("zoo.cfg:5: server.1: port \"x\" is not a number from 1 to 65535",
                zoo.error(quorumWith("10.0.0.1:x:3888")));
    }

    @Test
    void portOutOfRangeIsAnError() {
        assertEquals("zoo.cfg:5: server.1: port \"70000\" is not a number from 1 to 65535",
                zoo.error(quorumWith("10.0.0.1:2888:70000")));
        assertEquals("zoo.cfg:5: server.1: port \"99999\" is not a number from 1 to 65535",
                zoo.error(quorumWith("10.0.0.1:2888:3888;99999")));
    }

    @Test
    void quorumAndElectionPortsMustDiffer() {
        assertEquals("zoo.cfg:5: server.1: the quorum port and the election port must differ, both are 2888",
                zoo.error(quorumWith("10.0.0.1:2888:2888")));
    }

    @Test
    void tooManyClientParts() {
        assertTrue(zoo.error(quorumWith("10.0.0.1:2888:3888;a:b:2181")).startsWith("zoo.cfg:5: server.1: expected"));
        assertTrue(zoo.error(quorumWith("10.0.0.1:2888:3888;2181;2182")).startsWith("zoo.cfg:5: server.1: expected"));
    }

    @Test
    void nonNumericServerIdIsAnError() {
        assertEquals("zoo.cfg:8: server.x: server id \"x\" is not a number of 0 or more",
                zoo.error(zoo.quorum() + "server.x=10.0.0.9:2888:3888\n"));
    }

    @Test
    void duplicateServerIdIsAnError() {
        String cfg = zoo.quorum() + "server.01=10.0.0.9:2888:3888\n";
        assertEquals("zoo.cfg:8: server.01: duplicate server id 1, already defined at zoo.cfg:5", zoo.error(cfg));
        String repeated = zoo.quorum() + "server.2=10.0.0.9:2888:3888\n";
        assertEquals("zoo.cfg:8: server.2: duplicate server id 2, already defined at zoo.cfg:6", zoo.error(repeated));
    }

    @Test
    void duplicateAddressAcrossServersIsAnError() {
        String cfg = zoo.base() + "initLimit=10\nsyncLimit=5\nserver.1=10.0.0.1:2888:3888\n"
                + "server.2=10.0.0.1:2888:3889\nserver.3=10.0.0.3:2888:3888\n";
        assertEquals("zoo.cfg:6: server.2: address 10.0.0.1:2888 is also used by server.1 (zoo.cfg:5)",
                zoo.error(cfg));
    }

    @Test
    void sameHostWithDistinctPortsIsFine() throws Exception {
        String cfg = zoo.base() + "initLimit=10\nsyncLimit=5\nserver.1=127.0.0.1:2888:3888;2181\n"
                + "server.2=127.0.0.1:2889:3889;2182\nserver.3=127.0.0.1:2890:3890;2183\n";
        assertEquals(3, zoo.config(cfg).members().size());
    }

    @Test
    void clientPortClashingWithAnotherServersPeerPortIsAnError() {
        String cfg = zoo.base() + "initLimit=10\nsyncLimit=5\nserver.1=127.0.0.1:2888:3888\n"
                + "server.2=127.0.0.1:2889:3889;127.0.0.1:2888\nserver.3=127.0.0.1:2890:3890\n";
        assertEquals("zoo.cfg:6: server.2: address 127.0.0.1:2888 is also used by server.1 (zoo.cfg:5)",
                zoo.error(cfg));
    }

    @Test
    void wildcardClientAddressesMayRepeat() throws Exception {
        String cfg = zoo.base() + "initLimit=10\nsyncLimit=5\nserver.1=10.0.0.1:2888:3888;2181\n"
                + "server.2=10.0.0.2:2888:3888;2181\nserver.3=10.0.0.3:2888:3888;2181\n";
        assertEquals(3, zoo.config(cfg).members().size());
    }

    @Test
    void multipleAddressesNeedMultiAddressEnabled() throws Exception {
        String two = "10.0.0.1:2888:3888|10.1.0.1:2888:3888";
        assertEquals("zoo.cfg:5: server.1: several addresses separated by '|' need multiAddress.enabled=true",
                zoo.error(quorumWith(two)));
        ParseResult r = zoo.parse(quorumWith(two) + "multiAddress.enabled=true\n");
        assertEquals(new HostPort("10.0.0.1", 2888), r.config().members().get(0).quorumAddress());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("uses the first")), r.warnings().toString());
    }

    @Test
    void hostNamesAreNotResolved() throws Exception {
        QuorumMember m = member1("no-such-host.invalid:2888:3888");
        assertEquals("no-such-host.invalid", m.quorumAddress().host());
        assertTrue(m.quorumAddress().toUnresolved().isUnresolved());
    }
}
