package dev.menagerie.config.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.config.QuorumMember;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupsAndWeightsTest {

    @TempDir
    Path tmp;
    ZooCfgFixture zoo;

    @BeforeEach
    void setUp() {
        zoo = new ZooCfgFixture(tmp);
        zoo.myId("1");
    }

    /** Six participants and an observer; lines 5 to 11. */
    private String six() {
        StringBuilder cfg = new StringBuilder(zoo.base() + "initLimit=10\nsyncLimit=5\n");
        for (int id = 1; id <= 6; id++) {
            cfg.append("server.").append(id).append("=10.0.0.").append(id).append(":2888:3888\n");
        }
        return cfg.append("server.7=10.0.0.7:2888:3888:observer\n").toString();
    }

    @Test
    void groupsSelectTheHierarchicalVerifierAndTagMembers() throws Exception {
        ParsedServerConfig c = zoo.config(six() + "group.1=1:2:3\ngroup.2=4:5:6\nweight.1=2\n");
        assertEquals("hierarchical", c.verifierType());
        assertEquals(List.of(1L, 1L, 1L, 2L, 2L, 2L, QuorumMember.NO_GROUP),
                c.members().stream().map(QuorumMember::group).toList());
        assertEquals(2, c.members().get(0).weight());
        assertEquals(1, c.members().get(1).weight());
    }

    @Test
    void quorumVerifierKeyOverridesTheGroupDefault() throws Exception {
        assertEquals("weightedMajority",
                zoo.config(six() + "group.1=1:2:3\ngroup.2=4:5:6\nquorumVerifier=weightedMajority\n").verifierType());
        assertEquals("majority", zoo.config(six()).verifierType());
    }

    @Test
    void participantOutsideEveryGroupIsAnError() {
        assertEquals("zoo.cfg:10: server.6: server 6 is a participant but is in no group; with group.G lines every"
                + " participant must be in exactly one group", zoo.error(six() + "group.1=1:2:3\ngroup.2=4:5\n"));
    }

    @Test
    void serverInTwoGroupsIsAnError() {
        assertEquals("zoo.cfg:13: group.2: server 3 is already in group 1; a server belongs to one group only",
                zoo.error(six() + "group.1=1:2:3\ngroup.2=3:4:5:6\n"));
    }

    @Test
    void groupNamingAnUnknownServerIsAnError() {
        assertEquals("zoo.cfg:13: group.2: server 9 is not defined by a server.9 line",
                zoo.error(six() + "group.1=1:2:3\ngroup.2=4:5:6:9\n"));
    }

    @Test
    void observerInAGroupIsAnError() {
        assertEquals("zoo.cfg:13: group.2: server 7 is an observer; groups hold only participants",
                zoo.error(six() + "group.1=1:2:3\ngroup.2=4:5:6:7\n"));
    }

    @Test
    void malformedGroupIsAnError() {
        assertEquals("zoo.cfg:12: group.1: server id \"two\" is not a number of 0 or more",
                zoo.error(six() + "group.1=1:two:3\ngroup.2=4:5:6\n"));
        assertEquals("zoo.cfg:12: group.1: expected server ids separated by ':', got \"\"",
                zoo.error(six() + "group.1=\n"));
    }

    @Test
    void weightForAnUnknownServerIsAnError() {
        assertEquals("zoo.cfg:12: weight.8: server 8 is not defined by a server.8 line",
                zoo.error(six() + "weight.8=1\n"));
    }

    @Test
    void negativeWeightIsAnError() {
        assertEquals("zoo.cfg:12: weight.2: expected a weight of 0 or more, got \"-1\"",
                zoo.error(six() + "weight.2=-1\n"));
        assertEquals("zoo.cfg:12: weight.2: expected a weight of 0 or more, got \"heavy\"",
                zoo.error(six() + "weight.2=heavy\n"));
    }

    @Test
    void weightZeroTakesAwayTheVote() throws Exception {
        ParsedServerConfig c = zoo.config(six() + "weight.6=0\n");
        assertEquals(0, c.members().get(5).weight());
        assertTrue(!c.members().get(5).votes());
        assertEquals(5, c.members().stream().filter(QuorumMember::votes).count());
    }

    @Test
    void allParticipantsWithWeightZeroIsAnError() {
        String cfg = zoo.quorum() + "weight.1=0\nweight.2=0\nweight.3=0\n";
        assertEquals("zoo.cfg: weight.N: every participant has weight 0, so no server can vote", zoo.error(cfg));
    }
}
