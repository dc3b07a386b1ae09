package dev.menagerie.server.impl.loading;

import dev.menagerie.server.impl.tree.DataTree;
import java.util.Map;

/** The tree and the open sessions as the data directory holds them. */
public record LoadedDatabase(DataTree tree, Map<Long, Integer> sessionTimeouts) {
}
