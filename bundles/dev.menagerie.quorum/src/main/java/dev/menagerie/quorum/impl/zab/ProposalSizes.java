package dev.menagerie.quorum.impl.zab;

import java.util.Map;

/** The last, smallest and largest proposal the leader broadcast, in bytes, as Apache's ProposalStats reports. */
final class ProposalSizes {

    private long last = -1;
    private long min = -1;
    private long max = -1;

    synchronized void record(int bytes) {
        last = bytes;
        min = min < 0 ? bytes : Math.min(min, bytes);
        max = Math.max(max, bytes);
    }

    synchronized void addTo(Map<String, Object> values) {
        values.put("last_proposal_size", last);
        values.put("max_proposal_size", max);
        values.put("min_proposal_size", min);
    }
}
