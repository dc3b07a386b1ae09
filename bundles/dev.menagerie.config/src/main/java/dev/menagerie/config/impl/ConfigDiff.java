package dev.menagerie.config.impl;

import dev.menagerie.api.config.HostPort;
import dev.menagerie.api.config.QuorumMember;
import dev.menagerie.api.config.ServerConfig;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares two configurations by their effective values, named by zoo.cfg key: writing out a default
 * ({@code tickTime=3000}) is no change, while a change of a default-valued key is. Keys without a typed accessor
 * are compared by their text.
 */
final class ConfigDiff {

    private ConfigDiff() {
    }

    /** Every key whose effective value differs, sorted. */
    static Set<String> changedKeys(ServerConfig previous, ServerConfig next) {
        Map<String, String> before = effectiveValues(previous);
        Map<String, String> after = effectiveValues(next);
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        keys.removeIf(key -> Objects.equals(before.get(key), after.get(key)));
        return keys;
    }

    /** The changed keys that a running server cannot apply; see {@link KeyCatalog#LIVE_KEYS}. */
    static Set<String> keysNeedingRestart(ServerConfig previous, ServerConfig next) {
        Set<String> keys = new TreeSet<>(changedKeys(previous, next));
        keys.removeIf(KeyCatalog::liveKey);
        return keys;
    }

    static Map<String, String> effectiveValues(ServerConfig c) {
        Map<String, String> values = new TreeMap<>(c.properties());
        values.put("tickTime", String.valueOf(c.tickTimeMs()));
        values.put("initLimit", String.valueOf(c.initLimitTicks()));
        values.put("syncLimit", String.valueOf(c.syncLimitTicks()));
        values.put("dataDir", c.dataDir().toString());
        values.put("dataLogDir", c.dataLogDir().toString());
        putAddress(values, "clientPort", "clientPortAddress", c.clientAddress().orElse(null));
        putAddress(values, "secureClientPort", "secureClientPortAddress", c.secureClientAddress().orElse(null));
        values.put("maxClientCnxns", String.valueOf(c.maxClientCnxns()));
        values.put("minSessionTimeout", String.valueOf(c.minSessionTimeoutMs()));
        values.put("maxSessionTimeout", String.valueOf(c.maxSessionTimeoutMs()));
        values.put("globalOutstandingLimit", String.valueOf(c.globalOutstandingLimit()));
        values.put("snapCount", String.valueOf(c.snapCount()));
        values.put("preAllocSize", String.valueOf(c.preAllocSizeBytes()));
        values.put("forceSync", String.valueOf(c.forceSync()));
        values.put("jute.maxbuffer", String.valueOf(c.juteMaxBufferBytes()));
        values.put("autopurge.snapRetainCount", String.valueOf(c.autopurgeSnapRetainCount()));
        values.put("autopurge.purgeInterval", String.valueOf(c.autopurgeIntervalHours()));
        values.put("4lw.commands.whitelist", new TreeSet<>(c.fourLetterWordWhitelist()).toString());
        values.put("myid", c.myId().map(String::valueOf).orElse(""));
        values.put("serverCnxnFactory", c.cnxnFactoryType());
        values.put("storage", c.storageType());
        values.put("electionType", c.electionType());
        values.put("quorumVerifier", c.verifierType());
        putMembers(values, c);
        return values;
    }

    private static void putAddress(Map<String, String> values, String portKey, String hostKey, HostPort address) {
        values.put(portKey, address == null ? "" : String.valueOf(address.port()));
        values.put(hostKey, address == null ? "" : address.host());
    }

    /** Membership by effective value, so that {@code server.01} and {@code server.1} compare equal. */
    private static void putMembers(Map<String, String> values, ServerConfig c) {
        values.keySet().removeIf(KeyCatalog::isMembership);
        Set<Long> groups = new HashSet<>();
        for (QuorumMember m : c.members()) {
            values.put("server." + m.id(), m.quorumAddress() + "|" + m.electionAddress() + "|"
                    + m.clientAddress() + "|" + m.type());
            values.put("weight." + m.id(), String.valueOf(m.weight()));
            groups.add(m.group());
        }
        for (long group : groups) {
            if (group == QuorumMember.NO_GROUP) {
                continue;
            }
            values.put("group." + group, c.members().stream().filter(m -> m.group() == group)
                    .map(m -> String.valueOf(m.id())).sorted().toList().toString());
        }
    }
}
