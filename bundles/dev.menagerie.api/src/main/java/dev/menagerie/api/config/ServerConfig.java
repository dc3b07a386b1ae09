package dev.menagerie.api.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The validated contents of {@code zoo.cfg}, published as a service by the config bundle. A new service object
 * with a higher {@link #REVISION} replaces the old one when the file changes and the new content is valid;
 * consumers hold a dynamic reference and apply what can change live.
 *
 * <p>Durations are in milliseconds, limits in ticks where Apache ZooKeeper counts ticks; names end with the unit.
 */
@ProviderType
public interface ServerConfig {

    /** Service property: the absolute path of the zoo.cfg file this configuration came from. */
    String CONFIG_FILE = "menagerie.config.file";
    /** Service property: a Long that grows each time an edited file is accepted; also the service ranking. */
    String REVISION = "menagerie.config.revision";

    /** Strategy names used when zoo.cfg does not choose: the values of the {@code type} service property. */
    String DEFAULT_CNXN_FACTORY = "nio";
    String DEFAULT_STORAGE = "file";
    String DEFAULT_ELECTION = "fast";
    String DEFAULT_VERIFIER = "majority";
    String HIERARCHICAL_VERIFIER = "hierarchical";

    Path configFile();

    long revision();

    int tickTimeMs();

    int initLimitTicks();

    int syncLimitTicks();

    Path dataDir();

    /** The transaction log directory; the data directory unless {@code dataLogDir} is set. */
    Path dataLogDir();

    /** The plain client address, empty when no client port is configured. */
    Optional<HostPort> clientAddress();

    /** The TLS client address ({@code secureClientPort}), empty when not configured. */
    Optional<HostPort> secureClientAddress();

    /** Connections allowed from one IP address; 0 means no limit. */
    int maxClientCnxns();

    int minSessionTimeoutMs();

    int maxSessionTimeoutMs();

    /** Requests queued in the server before reads from clients pause. */
    int globalOutstandingLimit();

    int snapCount();

    long preAllocSizeBytes();

    boolean forceSync();

    /** The largest request or response, in bytes ({@code jute.maxbuffer}). */
    int juteMaxBufferBytes();

    int autopurgeSnapRetainCount();

    /** Hours between purges; 0 turns autopurge off. */
    int autopurgeIntervalHours();

    /** The four-letter words that are enabled; {@code "*"} alone means all of them. */
    Set<String> fourLetterWordWhitelist();

    /** This server's id from the {@code myid} file, empty in standalone mode. */
    Optional<Long> myId();

    /** Every {@code server.N} line, sorted by id; empty in standalone mode. */
    List<QuorumMember> members();

    /** True when this server runs alone: no quorum members, or only itself with {@code standaloneEnabled=true}. */
    boolean standalone();

    /** The {@code type} of the ServerCnxnFactory to bind: {@code nio}, {@code netty} or a plugin's own. */
    String cnxnFactoryType();

    /** The {@code type} of the StorageFactory to bind. */
    String storageType();

    /** The {@code type} of the ElectionFactory to bind. */
    String electionType();

    /** The {@code type} of the QuorumVerifierFactory to bind. */
    String verifierType();

    /**
     * Every key and value as written in the file (after trimming), in file order. Keys the parser does not know
     * are also set as system properties {@code zookeeper.<key>}, as Apache ZooKeeper does.
     */
    Map<String, String> properties();

    /**
     * The keys whose values differ from {@code previous} and take effect only after a restart. A consumer that
     * receives a new revision applies the other changes live.
     */
    Set<String> keysNeedingRestart(ServerConfig previous);
}
