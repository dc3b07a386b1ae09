package dev.menagerie.server.impl.tree;

import dev.menagerie.protocol.data.ACL;
import dev.menagerie.protocol.data.Ids;
import dev.menagerie.protocol.jute.JuteWriter;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Apache ZooKeeper's reference-counted ACL cache: each distinct ACL list gets a long index, nodes store the
 * index, and an entry disappears when its last node lets go of it.
 *
 * <p>Rules kept from Apache's {@code ReferenceCountedACLCache}: a null list maps to -1, which reads back as
 * OPEN_ACL_UNSAFE and is never counted (a non-null OPEN_ACL_UNSAFE list gets a normal index); indexes are never
 * reused, and loading a snapshot only raises the next index; usage of an index the cache does not hold is
 * ignored. The maps are {@link HashMap}s filled in Apache's order, so the snapshot lists the entries in the
 * same order as Apache.
 */
public final class AclCache {
    /** The index of a null ACL list. */
    public static final long OPEN_UNSAFE_ACL_ID = -1L;

    private final Map<Long, List<ACL>> longKeyMap = new HashMap<>();
    private final Map<List<ACL>, Long> aclKeyMap = new HashMap<>();
    private final Map<Long, long[]> referenceCounter = new HashMap<>();
    private long aclIndex;

    /** The index of {@code acls}, adding it if new, and counts one more use of it. */
    public synchronized long convertAcls(List<ACL> acls) {
        if (acls == null) {
            return OPEN_UNSAFE_ACL_ID;
        }
        Long index = aclKeyMap.get(acls);
        if (index == null) {
            index = ++aclIndex;
            List<ACL> stored = List.copyOf(acls);
            longKeyMap.put(index, stored);
            aclKeyMap.put(stored, index);
        }
        addUsage(index);
        return index;
    }

    /** The ACL list of an index; an unknown index is a broken tree, as in Apache. */
    public synchronized List<ACL> convertLong(long index) {
        if (index == OPEN_UNSAFE_ACL_ID) {
            return Ids.OPEN_ACL_UNSAFE;
        }
        List<ACL> acls = longKeyMap.get(index);
        if (acls == null) {
            throw new IllegalStateException("Failed to fetch acls for " + index);
        }
        return acls;
    }

    public synchronized void addUsage(long index) {
        if (index == OPEN_UNSAFE_ACL_ID || !longKeyMap.containsKey(index)) {
            return;
        }
        long[] count = referenceCounter.get(index);
        if (count == null) {
            referenceCounter.put(index, new long[] {1});
        } else {
            count[0]++;
        }
    }

    public synchronized void removeUsage(long index) {
        if (index == OPEN_UNSAFE_ACL_ID || !longKeyMap.containsKey(index)) {
            return;
        }
        long[] count = referenceCounter.get(index);
        if (count == null || --count[0] <= 0) {
            forget(index);
        }
    }

    /** The number of distinct ACL lists held. */
    public synchronized int size() {
        return aclKeyMap.size();
    }

    /** How many nodes use an index, 0 when it is not held. */
    public synchronized long usageCount(long index) {
        long[] count = referenceCounter.get(index);
        return count == null ? 0 : count[0];
    }

    /** Drops entries no node uses; called after loading a snapshot, whose map may list stale entries. */
    synchronized void purgeUnused() {
        Iterator<Map.Entry<Long, long[]>> entries = referenceCounter.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<Long, long[]> entry = entries.next();
            if (entry.getValue()[0] <= 0) {
                aclKeyMap.remove(longKeyMap.remove(entry.getKey()));
                entries.remove();
            }
        }
    }

    private void forget(long index) {
        referenceCounter.remove(index);
        aclKeyMap.remove(longKeyMap.remove(index));
    }

    /** Writes the map section of a snapshot: the entry count, then each index and its ACL vector. */
    void serialize(DataOutput out, JuteWriter scratch) throws IOException {
        Map<Long, List<ACL>> copy;
        synchronized (this) {
            copy = new HashMap<>(longKeyMap);
        }
        out.writeInt(copy.size());
        for (Map.Entry<Long, List<ACL>> entry : copy.entrySet()) {
            scratch.writeLong(entry.getKey());
            scratch.writeRecordVector(entry.getValue());
            SnapshotJute.drain(scratch, out);
        }
    }

    /** Replaces the content with a snapshot's map section; every entry starts unused until nodes claim it. */
    void deserialize(DataInput in, int maxBufferBytes) throws IOException {
        int count = in.readInt();
        Map<Long, List<ACL>> read = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            long index = in.readLong();
            int size = in.readInt();
            if (size < 0) {
                throw new IOException("snapshot ACL entry " + index + " has no ACL vector");
            }
            List<ACL> acls = new ArrayList<>(Math.min(size, 64));
            for (int j = 0; j < size; j++) {
                acls.add(SnapshotJute.readAcl(in, maxBufferBytes));
            }
            read.put(index, List.copyOf(acls));
        }
        synchronized (this) {
            longKeyMap.clear();
            aclKeyMap.clear();
            referenceCounter.clear();
            for (Map.Entry<Long, List<ACL>> entry : read.entrySet()) {
                aclIndex = Math.max(aclIndex, entry.getKey());
                longKeyMap.put(entry.getKey(), entry.getValue());
                aclKeyMap.put(entry.getValue(), entry.getKey());
                referenceCounter.put(entry.getKey(), new long[] {0});
            }
        }
    }
}
