package dev.menagerie.config.impl;

import java.util.Set;

/** The settings Apache ZooKeeper takes from {@code zookeeper.*} system properties, resolved. */
record Tunables(int snapCount, long preAllocSizeBytes, boolean forceSync, int globalOutstandingLimit,
        int juteMaxBufferBytes, Set<String> fourLetterWords, boolean extendedTypesEnabled, boolean digestEnabled,
        String cnxnFactoryType) {
}
