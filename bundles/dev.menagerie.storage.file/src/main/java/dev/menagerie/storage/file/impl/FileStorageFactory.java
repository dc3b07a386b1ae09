package dev.menagerie.storage.file.impl;

import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.storage.Storage;
import dev.menagerie.api.storage.StorageFactory;
import dev.menagerie.api.storage.StorageSettings;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens storages in Apache ZooKeeper's file format; closes any still open when the component goes away.
 *
 * <p>The system property {@value #SIMULATE_POWER_LOSS_PROPERTY}{@code =true} is a test mode for the crash tests:
 * bytes not yet fsynced stay in memory ({@link PowerLossDisk}), so that killing the process loses what a power cut
 * would. It never belongs in production. Nor does {@value SlowDisk#FAULT_CONTROL_PROPERTY}, the fault-injection
 * test's slow disk ({@link SlowDisk}).
 */
@Component(service = StorageFactory.class, property = StorageFactory.TYPE + "=file")
public final class FileStorageFactory implements StorageFactory {

    static final String SIMULATE_POWER_LOSS_PROPERTY = "menagerie.storage.simulatePowerLoss";

    private static final Logger LOG = LoggerFactory.getLogger(FileStorageFactory.class);

    private final Set<FileStorage> open = ConcurrentHashMap.newKeySet();
    private final LogMetrics logMetrics;

    @Activate
    public FileStorageFactory(@Reference(name = "metrics") MetricsRegistry metrics) {
        this.logMetrics = new LogMetrics(metrics);
    }

    @Override
    public Storage open(StorageSettings settings) throws IOException {
        FileStorageConfig config = FileStorageConfig.from(settings);
        LogChannel.Opener opener = LogChannel.FILES;
        if (Boolean.getBoolean(SIMULATE_POWER_LOSS_PROPERTY)) {
            LOG.warn("TEST MODE {}=true: durability of {} is simulated; bytes not yet fsynced are kept in memory"
                    + " only, so killing the process loses them as a power cut would", SIMULATE_POWER_LOSS_PROPERTY,
                    config.dataDir());
            opener = new PowerLossDisk(true);
        }
        opener = SlowDisk.wrapIfAsked(opener, config.dataDir());
        FileStorage storage = FileStorage.open(config, FsyncFault.wrap(opener), open::remove, logMetrics);
        open.add(storage);
        return storage;
    }

    @Deactivate
    void deactivate() {
        for (FileStorage storage : open) {
            try {
                storage.close();
            } catch (IOException e) {
                LOG.warn("Closing a storage on deactivation failed: {}", e.toString());
            }
        }
    }
}
