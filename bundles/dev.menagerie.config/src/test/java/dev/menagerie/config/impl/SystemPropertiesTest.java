package dev.menagerie.config.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemPropertiesTest {

    @TempDir
    Path tmp;
    ZooCfgFixture zoo;

    @BeforeEach
    void setUp() {
        zoo = new ZooCfgFixture(tmp);
    }

    @Test
    void unknownKeyBecomesAPrefixedSystemPropertyAndIsReportedOnce() throws Exception {
        ParseResult r = zoo.parse(zoo.base() + "frobnicate=7\n");
        assertEquals("7", r.systemProperties().get("zookeeper.frobnicate"));
        assertEquals(List.of("zoo.cfg:3: frobnicate: unknown key, passed on as system property zookeeper.frobnicate"),
                r.unknownKeys());
        assertEquals("7", r.config().properties().get("frobnicate"));
    }

    @Test
    void knownPropertyKeysArePassedOnWithoutAReport() throws Exception {
        ParseResult r = zoo.parse(zoo.base() + "snapCount=5000\n4lw.commands.whitelist=*\nadmin.serverPort=9090\n"
                + "ssl.keyStore.location=/k.jks\nDigestAuthenticationProvider.superDigest=s:AAAA\n");
        assertEquals(Map.of("zookeeper.snapCount", "5000", "zookeeper.4lw.commands.whitelist", "*",
                "zookeeper.admin.serverPort", "9090", "zookeeper.ssl.keyStore.location", "/k.jks",
                "zookeeper.DigestAuthenticationProvider.superDigest", "s:AAAA"), r.systemProperties());
        assertTrue(r.unknownKeys().isEmpty(), r.unknownKeys().toString());
    }

    @Test
    void keysTheParserConsumesAreNotSystemProperties() throws Exception {
        ParseResult r = zoo.parse(zoo.base() + "tickTime=2000\nstorage=file\nquorumVerifier=majority\n"
                + "electionType=fast\nmetricsProvider.httpPort=7000\nquorum.auth.enableSasl=false\n");
        assertTrue(r.systemProperties().isEmpty(), r.systemProperties().toString());
    }

    @Test
    void juteMaxBufferAlsoSetsThePlainProperty() throws Exception {
        ParseResult r = zoo.parse(zoo.base() + "jute.maxbuffer=0x200000\n");
        assertEquals("0x200000", r.systemProperties().get("jute.maxbuffer"));
        assertEquals("0x200000", r.systemProperties().get("zookeeper.jute.maxbuffer"));
    }

    @Test
    void parsingSetsNoRealSystemProperty() throws Exception {
        zoo.parse(zoo.base() + "menagerieTestOnlyKey=1\n");
        assertFalse(System.getProperties().containsKey("zookeeper.menagerieTestOnlyKey"));
    }

    @Test
    void propertiesKeepFileOrder() throws Exception {
        ParseResult r = zoo.parse(zoo.base() + "b=2\na=1\n");
        assertEquals(List.of("dataDir", "clientPort", "b", "a"), List.copyOf(r.config().properties().keySet()));
    }
}
