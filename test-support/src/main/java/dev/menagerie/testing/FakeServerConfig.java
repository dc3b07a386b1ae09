package dev.menagerie.testing;

import dev.menagerie.api.config.HostPort;
import dev.menagerie.api.config.QuorumMember;
import dev.menagerie.api.config.ServerConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A ServerConfig with public, changeable values: what a test needs, without parsing a zoo.cfg. */
public final class FakeServerConfig implements ServerConfig {

    public Path configFile = Path.of("/etc/menagerie/zoo.cfg");
    public long revision = 1;
    public int tickTimeMs = 2000;
    public Path dataDir = Path.of("/var/lib/menagerie/data");
    public Path dataLogDir = Path.of("/var/lib/menagerie/log");
    public HostPort clientAddress = new HostPort("0.0.0.0", 2181);
    public int maxClientCnxns = 60;
    public int minSessionTimeoutMs = 4000;
    public int maxSessionTimeoutMs = 40000;
    public Long myId;
    public List<QuorumMember> members = List.of();
    public boolean standalone = true;
    public String cnxnFactoryType = DEFAULT_CNXN_FACTORY;
    public String storageType = DEFAULT_STORAGE;
    public String electionType = DEFAULT_ELECTION;
    public String verifierType = DEFAULT_VERIFIER;
    public final Map<String, String> properties = new LinkedHashMap<>();

    public FakeServerConfig() {
        properties.put("tickTime", "2000");
        properties.put("dataDir", dataDir.toString());
        properties.put("clientPort", "2181");
    }

    /** A copy one revision newer, with the same values, as the config bundle publishes after an edit. */
    public FakeServerConfig nextRevision() {
        FakeServerConfig next = new FakeServerConfig();
        next.revision = revision + 1;
        next.properties.clear();
        next.properties.putAll(properties);
        return next;
    }

    @Override public Path configFile() { return configFile; }
    @Override public long revision() { return revision; }
    @Override public int tickTimeMs() { return tickTimeMs; }
    @Override public int initLimitTicks() { return 10; }
    @Override public int syncLimitTicks() { return 5; }
    @Override public Path dataDir() { return dataDir; }
    @Override public Path dataLogDir() { return dataLogDir; }
    @Override public Optional<HostPort> clientAddress() { return Optional.ofNullable(clientAddress); }
    @Override public Optional<HostPort> secureClientAddress() { return Optional.empty(); }
    @Override public int maxClientCnxns() { return maxClientCnxns; }
    @Override public int minSessionTimeoutMs() { return minSessionTimeoutMs; }
    @Override public int maxSessionTimeoutMs() { return maxSessionTimeoutMs; }
    @Override public int globalOutstandingLimit() { return 1000; }
    @Override public int snapCount() { return 100000; }
    @Override public long preAllocSizeBytes() { return 64L * 1024 * 1024; }
    @Override public boolean forceSync() { return true; }
    @Override public int juteMaxBufferBytes() { return 1024 * 1024 - 1; }
    @Override public int autopurgeSnapRetainCount() { return 3; }
    @Override public int autopurgeIntervalHours() { return 0; }
    @Override public Set<String> fourLetterWordWhitelist() { return Set.of("srvr"); }
    @Override public Optional<Long> myId() { return Optional.ofNullable(myId); }
    @Override public List<QuorumMember> members() { return members; }
    @Override public boolean standalone() { return standalone; }
    @Override public String cnxnFactoryType() { return cnxnFactoryType; }
    @Override public String storageType() { return storageType; }
    @Override public String electionType() { return electionType; }
    @Override public String verifierType() { return verifierType; }
    @Override public Map<String, String> properties() { return properties; }
    @Override public Set<String> keysNeedingRestart(ServerConfig previous) { return Set.of(); }
}
