package dev.menagerie.admin.impl.fourletter;

import dev.menagerie.api.status.DiskUsage;
import dev.menagerie.api.status.ServingConfiguration;

/** The texts of {@code conf} and {@code dirs}, as Apache ZooKeeper prints them. */
final class ConfigurationText {

    /** The folder under dataDir and dataLogDir that Apache's conf names. */
    private static final String VERSION_FOLDER = "version-2";

    private ConfigurationText() {
    }

    static String conf(ServingConfiguration c, DiskUsage disk) {
        return "clientPort=" + c.clientPort() + "\n"
                + "dataDir=" + c.dataDir().toAbsolutePath().resolve(VERSION_FOLDER) + "\n"
                + "dataDirSize=" + disk.dataDirBytes() + "\n"
                + "dataLogDir=" + c.dataLogDir().toAbsolutePath().resolve(VERSION_FOLDER) + "\n"
                + "dataLogSize=" + disk.dataLogDirBytes() + "\n"
                + "tickTime=" + c.tickTimeMs() + "\n"
                + "maxClientCnxns=" + c.maxClientCnxns() + "\n"
                + "minSessionTimeout=" + c.minSessionTimeoutMs() + "\n"
                + "maxSessionTimeout=" + c.maxSessionTimeoutMs() + "\n"
                + "clientPortListenBacklog=-1\n"
                + "serverId=" + c.serverId() + "\n"
                + c.quorumConfiguration();
    }

    static String dirs(DiskUsage disk) {
        return "datadir_size: " + disk.dataDirBytes() + "\nlogdir_size: " + disk.dataLogDirBytes() + "\n";
    }
}
