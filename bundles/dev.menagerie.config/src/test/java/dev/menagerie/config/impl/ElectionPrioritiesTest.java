package dev.menagerie.config.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code electionPriority.N}: read from zoo.cfg only, checked, and reported when no election uses it. */
class ElectionPrioritiesTest {

    @TempDir
    Path tmp;
    ZooCfgFixture zoo;

    @BeforeEach
    void setUp() {
        zoo = new ZooCfgFixture(tmp);
        zoo.myId("1");
    }

    @Test
    void prioritiesReachTheElectionAsPropertiesNotAsSystemProperties() throws Exception {
        ParseResult r = zoo.parse(zoo.quorum() + "electionType=priority\nelectionPriority.1=10\nelectionPriority.3=5\n");
        assertEquals("priority", r.config().electionType());
        assertEquals("10", r.config().properties().get("electionPriority.1"));
        assertEquals("5", r.config().properties().get("electionPriority.3"));
        assertTrue(r.systemProperties().isEmpty(), r.systemProperties().toString());
        assertTrue(r.unknownKeys().isEmpty(), r.unknownKeys().toString());
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
    }

    @Test
    void malformedPrioritiesStopTheStartNamingTheLine() {
        int line = 9;
        assertEquals("zoo.cfg:" + line + ": electionPriority.1: expected an integer of at least 0, got \"-1\"",
                zoo.error(zoo.quorum() + "electionType=priority\nelectionPriority.1=-1\n"));
        assertEquals("zoo.cfg:" + line + ": electionPriority.one: expected electionPriority.N with N a server id",
                zoo.error(zoo.quorum() + "electionType=priority\nelectionPriority.one=3\n"));
    }

    @Test
    void prioritiesUnderAnotherElectionAreReportedAsIgnored() throws Exception {
        ParseResult r = zoo.parse(zoo.quorum() + "electionPriority.2=1\n");
        assertEquals(List.of("zoo.cfg:8: electionPriority.2: ignored: election priorities are used by"
                + " electionType=priority only, and electionType is fast"), r.warnings());
    }
}
