package dev.menagerie.jmx.impl;

import dev.menagerie.api.status.ServerStatus;

/** The data tree bean; every read asks the status service afresh. */
final class DataTreeBean implements DataTreeMXBean {

    private final ServerStatus status;

    DataTreeBean(ServerStatus status) {
        this.status = status;
    }

    @Override
    public int getNodeCount() {
        return status.dataTree().nodeCount();
    }

    @Override
    public String getLastZxid() {
        return "0x" + Long.toHexString(status.summary().lastZxid());
    }

    @Override
    public int getWatchCount() {
        return status.dataTree().watchCount();
    }

    @Override
    public long approximateDataSize() {
        return status.dataTree().approximateDataSizeBytes();
    }

    @Override
    public int countEphemerals() {
        return status.dataTree().ephemeralCount();
    }
}
