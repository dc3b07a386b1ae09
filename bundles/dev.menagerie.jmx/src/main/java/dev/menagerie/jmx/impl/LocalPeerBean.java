package dev.menagerie.jmx.impl;

import dev.menagerie.api.config.QuorumMember;
import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.status.ServerStatus;
import java.util.Date;

/** This server as a member: its configuration, and its state asked afresh from the status service on each read. */
final class LocalPeerBean extends RemotePeerBean implements LocalPeerMXBean {

    private static final String MEMBERSHIP = "membership: \n";
    private static final String VERSION = "version=";

    private final ServerConfig config;
    /** The limits are the ensemble's: both beans answer them, and refuse to set them, alike. */
    private final QuorumBean ensemble;
    private final String startTime;

    LocalPeerBean(QuorumMember me, QuorumBean ensemble, ServerConfig config, ServerStatus status, long nowMs) {
        super(me, status);
        this.config = config;
        this.ensemble = ensemble;
        this.startTime = new Date(nowMs - status.summary().uptimeMs()).toString();
    }

    @Override
    public String getStartTime() {
        return startTime;
    }

    @Override
    public int getTickTime() {
        return status.configuration().tickTimeMs();
    }

    @Override
    public int getMaxClientCnxnsPerHost() {
        return status.configuration().maxClientCnxns();
    }

    @Override
    public int getMinSessionTimeout() {
        return status.configuration().minSessionTimeoutMs();
    }

    @Override
    public int getMaxSessionTimeout() {
        return status.configuration().maxSessionTimeoutMs();
    }

    @Override
    public int getInitLimit() {
        return ensemble.getInitLimit();
    }

    @Override
    public void setInitLimit(int initLimit) {
        ensemble.setInitLimit(initLimit);
    }

    @Override
    public int getSyncLimit() {
        return ensemble.getSyncLimit();
    }

    @Override
    public void setSyncLimit(int syncLimit) {
        ensemble.setSyncLimit(syncLimit);
    }

    @Override
    public String getState() {
        return switch (status.summary().mode()) {
            case "leader" -> "leading";
            case "follower" -> "following";
            case "observer" -> "observing";
            case "looking" -> "leaderelection";
            default -> "unknown";
        };
    }

    @Override
    public int getElectionType() {
        return 3;
    }

    @Override
    public long getConfigVersion() {
        String info = getQuorumSystemInfo();
        int at = info.lastIndexOf(VERSION);
        return at < 0 ? 0 : Long.parseLong(info.substring(at + VERSION.length()).trim(), 16);
    }

    @Override
    public String getQuorumSystemInfo() {
        String conf = status.configuration().quorumConfiguration();
        int at = conf.indexOf(MEMBERSHIP);
        return at < 0 ? "" : conf.substring(at + MEMBERSHIP.length());
    }

    @Override
    public boolean isPartOfEnsemble() {
        return config.members().stream().anyMatch(m -> m.id() == status.configuration().serverId());
    }
}
