package dev.menagerie.transport.netty.impl;

import dev.menagerie.api.transport.TransportSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TLS context new connections use, rebuilt when a store file changes. Apache's Netty factory reads the stores
 * for every connection; we keep the context and check the files' size, time and identity per connection, which a
 * replaced or rewritten store changes. With {@code client.certReload} a {@link StoreWatcher} also marks the
 * context stale as soon as the directory reports a change. Thread-safe.
 */
final class TlsContextSource implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TlsContextSource.class);

    private final TransportSettings.Tls tls;
    private final StoreWatcher watcher;
    private SSLContext context;
    private List<Object> stamps;
    private volatile boolean stale;

    TlsContextSource(TransportSettings.Tls tls) throws IOException {
        this.tls = tls;
        this.stamps = stamps();
        this.context = TlsContexts.serverContext(tls);
        this.watcher = tls.watchStores() ? new StoreWatcher(storeFiles(), () -> stale = true) : null;
    }

    TransportSettings.Tls settings() {
        return tls;
    }

    /** The context for a new connection; fails (and the connection with it) while a changed store is unreadable. */
    synchronized SSLContext current() throws IOException {
        List<Object> now = stamps();
        if (stale || !now.equals(stamps)) {
            stale = false;
            context = TlsContexts.serverContext(tls);
            stamps = now;
            LOG.info("TLS key or trust store changed on disk: new connections use the reloaded stores");
        }
        return context;
    }

    private List<Path> storeFiles() {
        List<Path> files = new ArrayList<>(2);
        files.add(tls.keyStore());
        if (tls.trustStore() != null) {
            files.add(tls.trustStore());
        }
        return files;
    }

    /** What changes when a store file is rewritten or replaced: modification time, size and file identity. */
    private List<Object> stamps() {
        List<Object> stamps = new ArrayList<>(6);
        for (Path file : storeFiles()) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                stamps.add(attributes.lastModifiedTime());
                stamps.add(attributes.size());
                stamps.add(Objects.toString(attributes.fileKey()));
            } catch (IOException e) {
                stamps.add("unreadable: " + e.getMessage());
            }
        }
        return stamps;
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
    }
}
