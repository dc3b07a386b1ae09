package dev.menagerie.server.impl.watch;

import dev.menagerie.protocol.data.Stat;

/** The part of the data tree that re-registering watches needs. */
@FunctionalInterface
public interface NodeStatLookup {
    /** The node's stat, or null if there is no node at {@code path}. */
    Stat stat(String path);
}
