package dev.menagerie.transport.netty.impl;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apache's {@code client.certReload} file watching: the directories of the store files are watched, and a
 * created or modified store file (or a lost event, which might have been one) is reported. One daemon thread.
 */
final class StoreWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreWatcher.class);

    private final WatchService service;
    private final Set<Path> files = new HashSet<>();
    private final Runnable onChange;
    private final Thread thread;

    StoreWatcher(List<Path> storeFiles, Runnable onChange) throws IOException {
        this.onChange = onChange;
        this.service = FileSystems.getDefault().newWatchService();
        Set<Path> directories = new HashSet<>();
        for (Path file : storeFiles) {
            Path absolute = file.toAbsolutePath().normalize();
            files.add(absolute);
            directories.add(absolute.getParent());
        }
        for (Path directory : directories) {
            directory.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        }
        thread = new Thread(this::run, "tls-store-watcher");
        thread.setDaemon(true);
        thread.start();
        LOG.info("Watching the TLS stores {} for changes (client.certReload)", files);
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = service.take();
                Path directory = (Path) key.watchable();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.OVERFLOW
                            || files.contains(directory.resolve((Path) event.context()))) {
                        onChange.run();
                    }
                }
                key.reset();
            }
        } catch (InterruptedException | ClosedWatchServiceException stopped) {
            // closed
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            LOG.debug("closing the TLS store watcher: {}", e.toString());
        }
        thread.interrupt();
    }
}
