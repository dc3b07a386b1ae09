package dev.menagerie.jmx.impl;

import dev.menagerie.api.config.QuorumMember;
import dev.menagerie.api.status.ServerStatus;

/** A member of the ensemble as the configuration names it; whether it leads is asked afresh on each read. */
class RemotePeerBean implements RemotePeerMXBean {

    private final QuorumMember member;
    final ServerStatus status;

    RemotePeerBean(QuorumMember member, ServerStatus status) {
        this.member = member;
        this.status = status;
    }

    @Override
    public String getName() {
        return QuorumBeans.replica(member.id());
    }

    @Override
    public String getQuorumAddress() {
        return member.quorumAddress().toString();
    }

    @Override
    public String getElectionAddress() {
        return member.electionAddress().toString();
    }

    @Override
    public String getClientAddress() {
        return member.clientAddress() == null ? "" : member.clientAddress().toString();
    }

    @Override
    public String getLearnerType() {
        return member.type().name();
    }

    @Override
    public boolean isLeader() {
        return status.quorum().leaderId() == member.id();
    }
}
