package dev.menagerie.jmx.impl;

import dev.menagerie.api.status.ServerStatus;

/** The leader's server bean; the proposal sizes come from what the quorum peer adds to {@code mntr}. */
final class LeaderBean extends ElectedServerBean implements LeaderMXBean {

    LeaderBean(ServerStatus status, long nowMs) {
        super(status, nowMs);
    }

    @Override
    public String getCurrentZxid() {
        return "0x" + Long.toHexString(status.currentZxid());
    }

    @Override
    public int getLastProposalSize() {
        return proposalSize("last_proposal_size");
    }

    @Override
    public int getMinProposalSize() {
        return proposalSize("min_proposal_size");
    }

    @Override
    public int getMaxProposalSize() {
        return proposalSize("max_proposal_size");
    }

    /** -1, as before the first proposal, while the peer reports no size (it has stopped leading). */
    private int proposalSize(String key) {
        Object value = status.quorumMonitorValues().get(key);
        return value instanceof Number number ? (int) Math.min(Integer.MAX_VALUE, number.longValue()) : -1;
    }

    @Override
    public void resetProposalStatistics() {
        throw Refusal.of("resetProposalStatistics", "the leader keeps its proposal sizes for as long as it leads");
    }
}
