package dev.menagerie.server.impl.op;

/**
 * The switches that change how writes are checked.
 *
 * @param extendedTypesEnabled TTL nodes allowed ({@code zookeeper.extendedTypesEnabled})
 * @param enforceQuota hard quota limits fail writes ({@code zookeeper.enforceQuota})
 * @param reconfigEnabled dynamic reconfiguration requested ({@code reconfigEnabled}); a standalone server has none
 * @param closeSessionTxnEnabled closeSession logs the ephemerals it deletes (3.6+ default)
 */
public record PrepSettings(boolean extendedTypesEnabled, boolean enforceQuota, boolean reconfigEnabled,
        boolean closeSessionTxnEnabled) {

    public static final PrepSettings DEFAULTS = new PrepSettings(false, false, false, true);
}
