package dev.menagerie.config.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCheckTest {

    @TempDir
    Path tmp;
    ZooCfgFixture zoo;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() {
        zoo = new ZooCfgFixture(tmp);
    }

    private int run(String... args) {
        return ConfigCheck.run(args, java.util.Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void validFileExitsZeroWithOneSummaryLine() {
        Path file = zoo.write(zoo.base());
        assertEquals(0, run(file.toString()));
        assertEquals("zoo.cfg: valid; standalone, client 0.0.0.0:2181, transport nio, dataDir " + zoo.dataDir
                + System.lineSeparator(), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void quorumSummaryNamesMyIdAndVerifier() {
        zoo.myId("3");
        Path file = zoo.write(zoo.quorum());
        assertEquals(0, run(file.toString()));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith(
                "zoo.cfg: valid; quorum of 3 servers (3 voting), myid 3, verifier majority"), out.toString());
    }

    @Test
    void invalidFileExitsTwoWithTheErrorOnStderr() {
        Path file = zoo.write(zoo.base() + "tickTime=abc\n");
        assertEquals(2, run(file.toString()));
        assertEquals("zoo.cfg:3: tickTime: expected a positive integer, got \"abc\"" + System.lineSeparator(),
                err.toString(StandardCharsets.UTF_8));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void missingArgumentPrintsUsage() {
        assertEquals(2, run());
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("usage: ConfigCheck"));
    }
}
