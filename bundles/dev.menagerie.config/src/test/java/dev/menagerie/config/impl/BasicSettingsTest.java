package dev.menagerie.config.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.config.HostPort;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BasicSettingsTest {

    @TempDir
    Path tmp;
    ZooCfgFixture zoo;

    @BeforeEach
    void setUp() {
        zoo = new ZooCfgFixture(tmp);
    }

    /** Apache ZooKeeper's conf/zoo_sample.cfg, as shipped. */
    static final String APACHE_SAMPLE = """
            # The number of milliseconds of each tick
            tickTime=2000
            # The number of ticks that the initial\s
            # synchronization phase can take
            initLimit=10
            # The number of ticks that can pass between\s
            # sending a request and getting an acknowledgement
            syncLimit=5
            # the directory where the snapshot is stored.
            # do not use /tmp for storage, /tmp here is just\s
            # example sakes.
            dataDir=/tmp/zookeeper
            # the port at which the clients will connect
            clientPort=2181
            # the maximum number of client connections.
            # increase this if you need to handle more clients
            #maxClientCnxns=60
            #
            # Be sure to read the maintenance section of the\s
            # administrator guide before turning on autopurge.
            #
            # https://zookeeper.apache.org/doc/current/zookeeperAdmin.html#sc_maintenance
            #
            # The number of snapshots to retain in dataDir
            #autopurge.snapRetainCount=3
            # Purge task interval in hours
            # Set to "0" to disable auto purge feature
            #autopurge.purgeInterval=1

            ## Metrics Providers
            #
            # https://prometheus.io Metrics Exporter
            #metricsProvider.className=org.apache.zookeeper.metrics.prometheus.PrometheusMetricsProvider
            #metricsProvider.httpHost=0.0.0.0
            #metricsProvider.httpPort=7000
            #metricsProvider.exportJvmInfo=true
            """;

    @Test
    void apacheSampleConfigParsesAsStandalone() throws Exception {
        ParsedServerConfig c = zoo.config(APACHE_SAMPLE);
        assertTrue(c.standalone());
        assertEquals(2000, c.tickTimeMs());
        assertEquals(10, c.initLimitTicks());
        assertEquals(5, c.syncLimitTicks());
        assertEquals(Path.of("/tmp/zookeeper"), c.dataDir());
        assertEquals(Optional.of(new HostPort("0.0.0.0", 2181)), c.clientAddress());
        assertEquals(4000, c.minSessionTimeoutMs());
        assertEquals(40000, c.maxSessionTimeoutMs());
        assertEquals(24, c.autopurgeIntervalHours());
    }

    @Test
    void defaultsFollowApacheExceptAutopurge() throws Exception {
        ParsedServerConfig c = zoo.config(zoo.base());
        assertEquals(3000, c.tickTimeMs());
        assertEquals(6000, c.minSessionTimeoutMs());
        assertEquals(60000, c.maxSessionTimeoutMs());
        assertEquals(60, c.maxClientCnxns());
        assertEquals(3, c.autopurgeSnapRetainCount());
        assertEquals(24, c.autopurgeIntervalHours());
        assertEquals(c.dataDir(), c.dataLogDir());
        assertEquals("nio", c.cnxnFactoryType());
        assertEquals("file", c.storageType());
        assertEquals("fast", c.electionType());
        assertEquals("majority", c.verifierType());
        assertTrue(c.myId().isEmpty());
        assertTrue(c.members().isEmpty());
    }

    @Test
    void missingDataDirIsAnError() {
        assertEquals("zoo.cfg: dataDir: required: the directory for snapshots and the myid file",
                zoo.error("clientPort=2181\n"));
    }

    @Test
    void emptyDataDirIsAnError() {
        assertEquals("zoo.cfg:1: dataDir: expected a directory path, got \"\"", zoo.error("dataDir=\nclientPort=1\n"));
    }

    @Test
    void dataLogDirIsUsedWhenSet() throws Exception {
        ParsedServerConfig c = zoo.config(zoo.base() + "dataLogDir=" + tmp.resolve("logs") + "\n");
        assertEquals(tmp.resolve("logs"), c.dataLogDir());
    }

    @Test
    void relativeDataDirIsAcceptedWithAWarning() throws Exception {
        ParseResult r = zoo.parse("dataDir=data\nclientPort=2181\n");
        assertEquals(Path.of("data"), r.config().dataDir());
        assertTrue(r.warnings().get(0).startsWith("zoo.cfg:1: dataDir: relative path"), r.warnings().toString());
    }

    @Test
    void nonNumericTickTimeNamesFileLineAndKey() {
        String cfg = zoo.base() + "\n\n\n\ntickTime=abc\n";
        assertEquals("zoo.cfg:7: tickTime: expected a positive integer, got \"abc\"", zoo.error(cfg));
    }

    @Test
    void zeroTickTimeIsAnError() {
        assertEquals("zoo.cfg:3: tickTime: expected a positive integer, got \"0\"", zoo.error(zoo.base() + "tickTime=0"));
    }

    @Test
    void negativeMaxClientCnxnsIsAnErrorAndZeroMeansUnlimited() throws Exception {
        assertEquals("zoo.cfg:3: maxClientCnxns: expected an integer of at least 0, got \"-1\"",
                zoo.error(zoo.base() + "maxClientCnxns=-1\n"));
        assertEquals(0, zoo.config(zoo.base() + "maxClientCnxns=0\n").maxClientCnxns());
    }

    @Test
    void sessionTimeoutsFollowTickTime() throws Exception {
        ParsedServerConfig c = zoo.config(zoo.base() + "tickTime=1000\n");
        assertEquals(2000, c.minSessionTimeoutMs());
        assertEquals(20000, c.maxSessionTimeoutMs());
    }

    @Test
    void explicitSessionTimeoutsWinAndMinusOneMeansDefault() throws Exception {
        ParsedServerConfig c = zoo.config(zoo.base() + "minSessionTimeout=-1\nmaxSessionTimeout=90000\n");
        assertEquals(6000, c.minSessionTimeoutMs());
        assertEquals(90000, c.maxSessionTimeoutMs());
    }

    @Test
    void minSessionTimeoutAboveMaxIsAnError() {
        String message = zoo.error(zoo.base() + "minSessionTimeout=5000\nmaxSessionTimeout=4000\n");
        assertEquals("zoo.cfg:3: minSessionTimeout: minSessionTimeout (5000 ms) must not be larger than"
                + " maxSessionTimeout (4000 ms)", message);
    }

    @Test
    void minSessionTimeoutAboveTheDefaultMaxIsAnError() {
        String message = zoo.error(zoo.base() + "minSessionTimeout=100000\n");
        assertTrue(message.startsWith("zoo.cfg:3: minSessionTimeout:"), message);
    }

    @Test
    void electionAlgOtherThanThreeIsAnError() throws Exception {
        assertEquals("zoo.cfg:3: electionAlg: expected 3 (fast leader election, the only algorithm since ZooKeeper"
                + " 3.6), got \"0\"", zoo.error(zoo.base() + "electionAlg=0\n"));
        assertEquals("fast", zoo.config(zoo.base() + "electionAlg=3\n").electionType());
    }

    @Test
    void dynamicConfigFileIsRejected() {
        String message = zoo.error(zoo.base() + "dynamicConfigFile=/etc/zoo.cfg.dynamic\n");
        assertTrue(message.startsWith("zoo.cfg:3: dynamicConfigFile: not supported by Menagerie"), message);
    }

    @Test
    void invalidBooleanIsAnError() throws Exception {
        assertEquals("zoo.cfg:3: syncEnabled: expected true or false, got \"yes\"",
                zoo.error(zoo.base() + "syncEnabled=yes\n"));
        assertEquals("FALSE", zoo.config(zoo.base() + "syncEnabled=FALSE\n").properties().get("syncEnabled"));
    }

    @Test
    void invalidPeerTypeIsAnError() {
        assertEquals("zoo.cfg:3: peerType: expected participant or observer, got \"voter\"",
                zoo.error(zoo.base() + "peerType=voter\n"));
    }

    @Test
    void snapRetainCountBelowThreeBecomesThreeWithAWarning() throws Exception {
        ParseResult r = zoo.parse(zoo.base() + "autopurge.snapRetainCount=1\n");
        assertEquals(3, r.config().autopurgeSnapRetainCount());
        assertTrue(r.warnings().contains("zoo.cfg:3: autopurge.snapRetainCount: 1 is below the minimum; using 3"));
        assertEquals(7, zoo.config(zoo.base() + "autopurge.snapRetainCount=7\n").autopurgeSnapRetainCount());
    }

    @Test
    void purgeIntervalZeroTurnsAutopurgeOff() throws Exception {
        assertEquals(0, zoo.config(zoo.base() + "autopurge.purgeInterval=0\n").autopurgeIntervalHours());
    }

    @Test
    void negativePurgeIntervalIsAnError() {
        assertEquals("zoo.cfg:3: autopurge.purgeInterval: expected an integer of at least 0, got \"-2\"",
                zoo.error(zoo.base() + "autopurge.purgeInterval=-2\n"));
    }

    @Test
    void clientPortOutOfRangeIsAnError() {
        assertEquals("zoo.cfg:2: clientPort: expected an integer from 0 to 65535, got \"65536\"",
                zoo.error("dataDir=" + zoo.dataDir + "\nclientPort=65536\n"));
    }

    @Test
    void clientPortAddressIsKeptUnresolvedAndIpv6BracketsAreRemoved() throws Exception {
        assertEquals(Optional.of(new HostPort("zk.example.invalid", 2181)),
                zoo.config(zoo.base() + "clientPortAddress=zk.example.invalid\n").clientAddress());
        assertEquals(Optional.of(new HostPort("::1", 2181)),
                zoo.config(zoo.base() + "clientPortAddress=[::1]\n").clientAddress());
    }

    @Test
    void clientPortAddressWithoutClientPortIsAnError() {
        String cfg = "dataDir=" + zoo.dataDir + "\nsecureClientPort=2281\nserverCnxnFactory=netty\n"
                + "clientPortAddress=127.0.0.1\n";
        assertEquals("zoo.cfg:4: clientPortAddress: is set but clientPort is not", zoo.error(cfg));
    }

    @Test
    void standaloneServerNeedsAClientPort() {
        assertEquals("zoo.cfg: clientPort: a standalone server needs clientPort or secureClientPort",
                zoo.error("dataDir=" + zoo.dataDir + "\n"));
    }

    @Test
    void secureClientPortNeedsNetty() throws Exception {
        String message = zoo.error(zoo.base() + "secureClientPort=2281\n");
        assertTrue(message.startsWith("zoo.cfg:3: secureClientPort: TLS needs serverCnxnFactory=netty"), message);
        ParsedServerConfig c = zoo.config(zoo.base() + "secureClientPort=2281\nserverCnxnFactory=netty\n");
        assertEquals(Optional.of(new HostPort("0.0.0.0", 2281)), c.secureClientAddress());
    }

    @Test
    void secureClientPortEqualToClientPortIsAnError() {
        String message = zoo.error(zoo.base() + "secureClientPort=2181\nserverCnxnFactory=netty\n");
        assertTrue(message.startsWith("zoo.cfg:3: secureClientPort: must differ from clientPort (2181)"), message);
    }

    @Test
    void observerMasterPortOutOfRangeIsAnError() {
        assertEquals("zoo.cfg:3: observerMasterPort: expected an integer from 0 to 65535, got \"-5\"",
                zoo.error(zoo.base() + "observerMasterPort=-5\n"));
    }

    @Test
    void repeatedKeyWarnsAndTheLastWins() throws Exception {
        ParseResult r = zoo.parse(zoo.base() + "tickTime=2000\ntickTime=4000\n");
        assertEquals(4000, r.config().tickTimeMs());
        assertTrue(r.warnings().contains("zoo.cfg:4: tickTime: set again (first at line 3); the last value wins"));
    }

    @Test
    void quorumSaslRequiresItToBeEnabled() throws Exception {
        assertEquals("zoo.cfg:3: quorum.auth.serverRequireSasl: needs quorum.auth.enableSasl=true",
                zoo.error(zoo.base() + "quorum.auth.serverRequireSasl=true\n"));
        assertEquals("zoo.cfg:3: quorum.auth.learnerRequireSasl: needs quorum.auth.enableSasl=true",
                zoo.error(zoo.base() + "quorum.auth.learnerRequireSasl=true\n"));
        zoo.parse(zoo.base() + "quorum.auth.enableSasl=true\nquorum.auth.serverRequireSasl=true\n"
                + "quorum.auth.learnerRequireSasl=true\nquorum.auth.learner.saslLoginContext=QuorumLearner\n");
    }

    @Test
    void fipsModeOffIsAcceptedForQuorumSaslButRefusedWhereItAsksForHostNameChecks() throws Exception {
        zoo.parse(zoo.base() + "quorum.auth.enableSasl=true\nquorum.auth.learnerRequireSasl=true\nfips-mode=false\n");
        String message = zoo.error(zoo.base() + "secureClientPort=2281\nssl.clientHostnameVerification=true\n"
                + "fips-mode=false\n");
        assertTrue(message.startsWith("zoo.cfg:5: fips-mode: with ssl.clientHostnameVerification=true this asks for"
                + " Apache's host name checks of client certificates"), message);
    }

    @Test
    void quorumTlsWithFipsModeOffIsRefusedUnlessHostNameChecksAreOff() throws Exception {
        String message = zoo.error(zoo.base() + "sslQuorum=true\nfips-mode=false\n");
        assertTrue(message.startsWith("zoo.cfg:4: fips-mode: with quorum TLS this asks for Apache's host name"
                + " checks between servers"), message);
        zoo.parse(zoo.base() + "portUnification=true\nfips-mode=false\nssl.quorum.hostnameVerification=false\n");
        zoo.parse(zoo.base() + "sslQuorum=true\nssl.quorum.hostnameVerification=true\n");
    }

    @Test
    void serverRequiringSaslMustAlsoLearnWithIt() {
        String message = zoo.error(zoo.base() + "quorum.auth.enableSasl=true\nquorum.auth.serverRequireSasl=true\n");
        assertTrue(message.startsWith("zoo.cfg:4: quorum.auth.serverRequireSasl: needs"
                + " quorum.auth.learnerRequireSasl=true"), message);
    }

    @Test
    void withoutAutocreateAMissingDataDirectoryStopsTheStart() throws Exception {
        String cfg = zoo.base() + "datadir.autocreate=false\n";
        String message = zoo.error(cfg);
        assertTrue(message.startsWith("zoo.cfg:3: datadir.autocreate: the data directory " + zoo.dataDir
                + "/version-2 is missing"), message);
        java.nio.file.Files.createDirectories(zoo.dataDir.resolve("version-2"));
        zoo.config(cfg);
        zoo.systemProperties.put("zookeeper.datadir.autocreate", "false");
        zoo.config(zoo.base());
        java.nio.file.Files.delete(zoo.dataDir.resolve("version-2"));
        assertTrue(zoo.error(zoo.base()).startsWith("zoo.cfg: -Dzookeeper.datadir.autocreate: datadir.autocreate:"));
    }

    @Test
    void snapshotCompressionIsGzSnappyOrNone() throws Exception {
        zoo.config(zoo.base() + "snapshot.compression.method=GZ\n");
        zoo.config(zoo.base() + "snapshot.compression.method=\n");
        zoo.config(zoo.base() + "snapshot.compression.method=snappy\n");
        assertEquals("zoo.cfg:3: snapshot.compression.method: expected gz, snappy, or empty for uncompressed"
                + " snapshots, got \"lz4\"", zoo.error(zoo.base() + "snapshot.compression.method=lz4\n"));
        zoo.systemProperties.put("zookeeper.fsync.warningthresholdms", "soon");
        assertTrue(zoo.error(zoo.base()).startsWith("zoo.cfg: -Dzookeeper.fsync.warningthresholdms:"));
    }

    @Test
    void clientPortUnificationNeedsNetty() throws Exception {
        assertEquals("zoo.cfg:3: client.portUnification: TLS on the client port needs serverCnxnFactory=netty (the"
                + " nio transport has no TLS)", zoo.error(zoo.base() + "client.portUnification=true\n"));
        zoo.config(zoo.base() + "client.portUnification=true\nserverCnxnFactory=netty\n");
    }

    @Test
    void superDigestMustLookLikeADigest() throws Exception {
        String message = zoo.error(zoo.base() + "DigestAuthenticationProvider.superDigest=secret\n");
        assertTrue(message.startsWith("zoo.cfg:3: DigestAuthenticationProvider.superDigest: expected user:"), message);
        zoo.config(zoo.base() + "DigestAuthenticationProvider.superDigest=super:D/InIHSb7yEEbrWz8b9l71RjZJU=\n");
    }

    @Test
    void apacheKeysWithoutATypedAccessorAreVisibleInProperties() throws Exception {
        String cfg = zoo.base() + "quorumListenOnAllIPs=true\nlocalSessionsEnabled=true\n"
                + "localSessionsUpgradingEnabled=true\nreconfigEnabled=false\nsslQuorum=false\nportUnification=false\n"
                + "sslQuorumReloadCertFiles=false\nconnectToLearnerMasterLimit=20\nmetricsProvider.httpPort=7000\n"
                + "admin.serverPort=9090\nadmin.enableServer=false\nquorum.cnxn.threads.size=10\n"
                + "clientPortListenBacklog=100\nmultiAddress.reachabilityCheckTimeoutMs=1000\n";
        ParseResult r = zoo.parse(cfg);
        assertEquals("9090", r.config().properties().get("admin.serverPort"));
        assertEquals("7000", r.config().properties().get("metricsProvider.httpPort"));
        assertTrue(r.unknownKeys().isEmpty(), r.unknownKeys().toString());
    }

    @Test
    void negativeConnectToLearnerMasterLimitIsAnError() {
        assertEquals("zoo.cfg:3: connectToLearnerMasterLimit: expected an integer of at least 0, got \"-1\"",
                zoo.error(zoo.base() + "connectToLearnerMasterLimit=-1\n"));
    }

    @Test
    void unreadableFileIsOneLineError() {
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> new ConfigParser(java.util.Map.of()).parse(tmp.resolve("missing.cfg")));
        assertTrue(e.getMessage().startsWith("missing.cfg: cannot read "), e.getMessage());
        assertTrue(e.getMessage().indexOf('\n') < 0);
    }
}
