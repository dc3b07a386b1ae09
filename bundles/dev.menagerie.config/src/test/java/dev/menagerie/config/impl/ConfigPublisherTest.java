package dev.menagerie.config.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.config.StrategyTargets;
import dev.menagerie.testing.LogLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigPublisherTest {

    @TempDir
    Path tmp;
    ZooCfgFixture zoo;
    RecordingSink sink;
    Path file;
    ConfigPublisher publisher;

    /** Records what the publisher did, in order. */
    static final class RecordingSink implements ConfigSink {
        final List<String> events = new ArrayList<>();
        final List<ParsedServerConfig> registered = new ArrayList<>();
        Map<String, String> lastTargets;
        /** The distribution's strategies by reference; a test adds or removes types. */
        final Map<String, Set<String>> installed = new HashMap<>(Map.of(
                StrategyTargets.CNXN_FACTORY, new TreeSet<>(Set.of("nio", "netty")),
                StrategyTargets.STORAGE, new TreeSet<>(Set.of("file")),
                StrategyTargets.ELECTION, new TreeSet<>(Set.of("fast")),
                StrategyTargets.VERIFIER, new TreeSet<>(Set.of("majority", "hierarchical"))));

        @Override
        public Runnable register(ParsedServerConfig config) {
            registered.add(config);
            events.add("register " + config.revision());
            return () -> events.add("unregister " + config.revision());
        }

        @Override
        public void writeTargets(Map<String, String> targets, long revision) {
            lastTargets = targets;
            events.add("targets " + revision);
        }

        @Override
        public Set<String> installedTypes(String reference) {
            return installed.get(reference);
        }

        @Override
        public void setSystemProperties(Map<String, String> properties) {
            events.add("properties " + properties.keySet());
        }
    }

    @BeforeEach
    void setUp() {
        zoo = new ZooCfgFixture(tmp);
        sink = new RecordingSink();
        file = zoo.write(zoo.base());
        publisher = new ConfigPublisher(file, new ConfigParser(Map.of()), sink);
    }

    /** Rewrites the file with a modification time the watcher cannot miss, whatever the file system's clock. */
    private void edit(String content) throws IOException {
        FileTime before = Files.getLastModifiedTime(file);
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.fromMillis(before.toMillis() + 5000));
    }

    @Test
    void startPublishesRevisionOneWithTargets() {
        assertTrue(publisher.start());
        assertEquals(List.of("properties []", "register 1", "targets 1"), sink.events);
        assertEquals(Map.of("cnxnFactory.target", "(type=nio)", "storage.target", "(type=file)",
                "election.target", "(type=fast)", "verifier.target", "(type=majority)"), sink.lastTargets);
    }

    @Test
    void invalidFileAtStartPublishesNothing() throws IOException {
        Files.writeString(file, "clientPort=2181\n");
        assertFalse(publisher.start());
        assertTrue(sink.events.isEmpty());
        assertNull(publisher.current());
    }

    @Test
    void validEditRegistersTheNewRevisionBeforeUnregisteringTheOld() throws IOException {
        publisher.start();
        edit(zoo.base() + "maxClientCnxns=5\n");
        publisher.reloadIfChanged();
        assertEquals(List.of("properties []", "register 1", "targets 1", "properties []", "register 2",
                "unregister 1"), sink.events);
        assertEquals(5, publisher.current().maxClientCnxns());
        assertEquals(2, publisher.current().revision());
    }

    @Test
    void targetsAreRewrittenOnlyWhenAStrategyChanges() throws IOException {
        publisher.start();
        edit(zoo.base() + "serverCnxnFactory=netty\n");
        publisher.reloadIfChanged();
        assertEquals("targets 2", sink.events.get(sink.events.size() - 1));
        assertEquals("(type=netty)", sink.lastTargets.get("cnxnFactory.target"));
    }

    @Test
    void anEditToAStrategyTypeNoBundleProvidesIsRefusedUntilOneIsDeployed() throws IOException {
        assertTrue(publisher.start());
        try (LogLines log = new LogLines()) {
            edit(zoo.base() + "maxClientCnxns=5\nelectionType=priority\n");
            publisher.reloadIfChanged();

            assertRefusedOnce(log, "election", "fast", "electionType=priority: no installed bundle provides it"
                    + " (installed: fast); the edit applies once a bundle provides it");

            publisher.strategiesChanged();
            assertEquals(1, publisher.current().revision(), "a strategy that came or went is not the one missing");

            sink.installed.get(StrategyTargets.ELECTION).add("priority");
            publisher.strategiesChanged();
            assertEquals(2, publisher.current().revision(), "deploying the bundle makes the edit apply");
            assertEquals("(type=priority)", sink.lastTargets.get("election.target"));
            assertEquals(5, publisher.current().maxClientCnxns());
        }
    }

    @Test
    void aLiveEditOfTheStorageEngineIsRefusedWhicheverWay() throws IOException {
        sink.installed.get(StrategyTargets.STORAGE).add("memory");
        assertTrue(publisher.start());
        try (LogLines log = new LogLines()) {
            edit(zoo.base() + "maxClientCnxns=5\nstorage=memory\n");
            publisher.reloadIfChanged();

            assertRefusedOnce(log, "storage", "file", "storage=memory: a running server keeps its storage engine"
                    + " (file), because switching engines does not carry the data over and would lose acknowledged"
                    + " writes; stop the server, edit zoo.cfg and start it");
            publisher.strategiesChanged();
            assertEquals(1, publisher.current().revision(), "a strategy coming or going does not retry it");
        }
        Files.writeString(file, zoo.base() + "storage=memory\n");
        ConfigPublisher restarted = new ConfigPublisher(file, new ConfigParser(Map.of()), sink);
        assertTrue(restarted.start());
        assertEquals("(type=memory)", sink.lastTargets.get("storage.target"), "a start takes the edited engine");
        try (LogLines log = new LogLines()) {
            edit(zoo.base());
            restarted.reloadIfChanged();
            assertEquals("memory", restarted.current().storageType(), "memory -> file is refused as well");
            assertEquals(1, log.containing("storage=file: a running server keeps its storage engine (memory)").size());
        }
    }

    @Test
    void aLiveEditOfAnEnsembleMembersVerifierIsRefusedPointingAtReconfiguration() throws IOException {
        zoo.myId("1\n");
        Files.writeString(file, zoo.quorum());
        sink.installed.get(StrategyTargets.VERIFIER).add("unanimous");
        assertTrue(publisher.start());
        try (LogLines log = new LogLines()) {
            edit(zoo.quorum() + "quorumVerifier=unanimous\n");
            publisher.reloadIfChanged();

            assertRefusedOnce(log, "verifier", "majority", "quorumVerifier=unanimous: an ensemble changes its"
                    + " quorum verifier through reconfiguration, not by editing one member's zoo.cfg (keeping"
                    + " majority; until reconfiguration is supported, stop every member, give each the same"
                    + " quorumVerifier and start them)");
        }
    }

    @Test
    void aStandaloneServerTakesAVerifierEditItDoesNotUse() throws IOException {
        sink.installed.get(StrategyTargets.VERIFIER).add("unanimous");
        assertTrue(publisher.start());
        edit(zoo.base() + "quorumVerifier=unanimous\n");
        publisher.reloadIfChanged();
        assertEquals(2, publisher.current().revision());
        assertEquals("(type=unanimous)", sink.lastTargets.get("verifier.target"));
    }

    /** The whole edit was refused in one ERROR line ending in {@code reason}; {@code type} stays bound. */
    private void assertRefusedOnce(LogLines log, String reference, String type, String reason) {
        assertEquals(1, publisher.current().revision(), "the whole edit is refused");
        assertEquals("(type=" + type + ")", sink.lastTargets.get(reference + ".target"), type + " stays bound");
        List<String> refusals = log.containing("Refused change");
        assertEquals(1, refusals.size(), "one line: " + refusals);
        assertTrue(refusals.get(0).contains("ERROR") && refusals.get(0).endsWith("keeping revision 1: " + reason),
                refusals.get(0));
    }

    @Test
    void invalidEditKeepsTheCurrentConfiguration() throws IOException {
        publisher.start();
        edit(zoo.base() + "tickTime=abc\n");
        publisher.reloadIfChanged();
        assertEquals(List.of("properties []", "register 1", "targets 1"), sink.events);
        assertEquals(1, publisher.current().revision());
    }

    @Test
    void anEditAddingARefusedKeyIsRejectedAndTheCurrentConfigurationStays() throws IOException {
        publisher.start();
        edit(zoo.base() + "maxClientCnxns=5\nemulate353TTLNodes=true\n");
        publisher.reloadIfChanged();
        assertEquals(List.of("properties []", "register 1", "targets 1"), sink.events);
        assertEquals(60, publisher.current().maxClientCnxns());
    }

    @Test
    void anEditAddingAWarnedKeyIsAppliedWithItsProperty() throws IOException {
        publisher.start();
        edit(zoo.base() + "maxClientCnxns=5\nmaxCnxns=100\n");
        publisher.reloadIfChanged();
        assertEquals(5, publisher.current().maxClientCnxns());
        assertEquals("100", publisher.current().properties().get("maxCnxns"));
        assertEquals("properties [zookeeper.maxCnxns]", sink.events.get(3));
    }

    @Test
    void fixingAFileThatWasInvalidAtStartPublishesIt() throws IOException {
        Files.writeString(file, "clientPort=2181\n");
        publisher.start();
        edit(zoo.base());
        publisher.reloadIfChanged();
        assertEquals(List.of("properties []", "register 1", "targets 1"), sink.events);
    }

    @Test
    void unchangedFileOrEquivalentEditPublishesNothingNew() throws IOException {
        publisher.start();
        publisher.reloadIfChanged();
        edit(zoo.base() + "tickTime=3000\n");
        publisher.reloadIfChanged();
        assertEquals(List.of("properties []", "register 1", "targets 1"), sink.events);
    }

    @Test
    void unknownKeysReachTheSystemPropertySink() throws IOException {
        Files.writeString(file, zoo.base() + "someKnob=on\n");
        publisher.start();
        assertEquals("properties [zookeeper.someKnob]", sink.events.get(0));
    }

    @Test
    void stopUnregistersTheCurrentRevision() {
        publisher.start();
        publisher.stop();
        assertEquals("unregister 1", sink.events.get(sink.events.size() - 1));
    }
}
