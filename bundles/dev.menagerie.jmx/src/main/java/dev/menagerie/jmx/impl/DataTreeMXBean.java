package dev.menagerie.jmx.impl;

/** The data tree bean, {@code InMemoryDataTree} under the server bean, with Apache ZooKeeper 3.9.5's names. */
public interface DataTreeMXBean {

    /** Znodes, counting the root and the system nodes. */
    int getNodeCount();

    /** The zxid of the last applied transaction, {@code 0x} and lower-case hex. */
    String getLastZxid();

    /** Data and child watches. */
    int getWatchCount();

    /** The bytes of every path and data, as Apache approximates them (an operation in Apache, not an attribute). */
    long approximateDataSize();

    /** Ephemeral znodes (an operation in Apache, not an attribute). */
    int countEphemerals();
}
