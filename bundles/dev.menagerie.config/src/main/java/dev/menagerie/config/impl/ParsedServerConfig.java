package dev.menagerie.config.impl;

import dev.menagerie.api.config.HostPort;
import dev.menagerie.api.config.QuorumMember;
import dev.menagerie.api.config.ServerConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The immutable result of parsing one zoo.cfg; the service object published to the other bundles. */
record ParsedServerConfig(
        Path configFile,
        long revision,
        int tickTimeMs,
        int initLimitTicks,
        int syncLimitTicks,
        Path dataDir,
        Path dataLogDir,
        Optional<HostPort> clientAddress,
        Optional<HostPort> secureClientAddress,
        int maxClientCnxns,
        int minSessionTimeoutMs,
        int maxSessionTimeoutMs,
        int globalOutstandingLimit,
        int snapCount,
        long preAllocSizeBytes,
        boolean forceSync,
        int juteMaxBufferBytes,
        int autopurgeSnapRetainCount,
        int autopurgeIntervalHours,
        Set<String> fourLetterWordWhitelist,
        Optional<Long> myId,
        List<QuorumMember> members,
        boolean standalone,
        String cnxnFactoryType,
        String storageType,
        String electionType,
        String verifierType,
        Map<String, String> properties) implements ServerConfig {

    ParsedServerConfig {
        fourLetterWordWhitelist = Set.copyOf(fourLetterWordWhitelist);
        members = List.copyOf(members);
        properties = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
    }

    /** The same configuration under another revision, assigned by the publisher. */
    ParsedServerConfig withRevision(long newRevision) {
        return new ParsedServerConfig(configFile, newRevision, tickTimeMs, initLimitTicks, syncLimitTicks,
                dataDir, dataLogDir, clientAddress, secureClientAddress, maxClientCnxns, minSessionTimeoutMs,
                maxSessionTimeoutMs, globalOutstandingLimit, snapCount, preAllocSizeBytes, forceSync,
                juteMaxBufferBytes, autopurgeSnapRetainCount, autopurgeIntervalHours, fourLetterWordWhitelist,
                myId, members, standalone, cnxnFactoryType, storageType, electionType, verifierType, properties);
    }

    @Override
    public Set<String> keysNeedingRestart(ServerConfig previous) {
        return ConfigDiff.keysNeedingRestart(previous, this);
    }
}
