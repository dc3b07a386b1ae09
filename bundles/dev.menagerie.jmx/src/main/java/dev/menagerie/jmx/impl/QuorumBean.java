package dev.menagerie.jmx.impl;

import dev.menagerie.api.config.LearnerType;
import dev.menagerie.api.config.ServerConfig;

/** The ensemble bean, read from the configuration the server runs with. */
final class QuorumBean implements QuorumMXBean {

    private final String name;
    private final ServerConfig config;

    QuorumBean(String name, ServerConfig config) {
        this.name = name;
        this.config = config;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public int getQuorumSize() {
        return (int) config.members().stream().filter(m -> m.type() == LearnerType.PARTICIPANT).count();
    }

    @Override
    public int getInitLimit() {
        return config.initLimitTicks();
    }

    @Override
    public void setInitLimit(int initLimit) {
        throw Refusal.configOnly("InitLimit", "initLimit");
    }

    @Override
    public int getSyncLimit() {
        return config.syncLimitTicks();
    }

    @Override
    public void setSyncLimit(int syncLimit) {
        throw Refusal.configOnly("SyncLimit", "syncLimit");
    }
}
