package dev.menagerie.server.impl.auth;

import dev.menagerie.protocol.data.Id;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which Apache ZooKeeper lists a connection's ids where the order shows: the audit log's user field,
 * whoAmI, and the entries an {@code auth} ACL expands to.
 * Apache keeps them in a {@code ConcurrentHashMap} key set, so they come out by hash bin, and in the order they
 * were gained within a bin: with a digest id added after the {@code ip} one, the user field can read
 * {@code alice,127.0.0.1}. Exact for fewer than twelve ids (the map's first resize), which is every real connection.
 */
final class ApacheIdOrder {

    /** A fresh {@code ConcurrentHashMap}'s table size, and the share of it filled before it doubles. */
    private static final int INITIAL_TABLE_SIZE = 16;

    private ApacheIdOrder() {
    }

    /** @param ids in the order the connection gained them */
    static List<Id> of(Collection<Id> ids) {
        int tableSize = INITIAL_TABLE_SIZE;
        while (ids.size() >= tableSize - (tableSize >>> 2)) {
            tableSize <<= 1;
        }
        int mask = tableSize - 1;
        List<Id> ordered = new ArrayList<>(ids);
        // List.sort is stable: ids in the same bin keep the order they were gained in.
        ordered.sort(Comparator.comparingInt(id -> spread(apacheHashCode(id)) & mask));
        return ordered;
    }

    /** What Apache's jute-generated {@code Id.hashCode} returns. */
    static int apacheHashCode(Id id) {
        int result = 17;
        result = 37 * result + id.scheme().hashCode();
        return 37 * result + id.id().hashCode();
    }

    /** {@code ConcurrentHashMap.spread}: the hash with its high half folded into the low bits the table uses. */
    private static int spread(int hash) {
        return (hash ^ (hash >>> 16)) & 0x7fffffff;
    }
}
