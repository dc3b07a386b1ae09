package dev.menagerie.server.impl.loading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.storage.Storage;
import dev.menagerie.api.storage.StorageFactory;
import dev.menagerie.api.storage.StorageSettings;
import dev.menagerie.server.impl.tree.DataTree;
import dev.menagerie.testing.Components;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data directory whose snapshot and log do not add up stops start-up with one sentence that says so. */
class InconsistentDataDirTest {

    @TempDir
    Path dir;

    @Test
    void replayThatEndsBeforeTheLogDoesRefusesToStart() throws Exception {
        StorageFactory files = Components.create(StorageFactory.class, StorageFactory.TYPE, "file",
                Components.create(MetricsRegistry.class).service()).service();
        try (Storage real = files.open(new StorageSettings(dir, dir, 64 * 1024, false, 3, 0))) {
            real.snapshot(0, out -> new DataTree(false).writeSnapshot(out, Map.of()));
            assertEquals(0, new DatabaseLoader(real, false, 1 << 20, false).load().tree().lastProcessedZxid(),
                    "the consistent directory loads");
            // What the storage reports when the entries after the snapshot cannot be read: its last zxid is 0x5.
            Storage logEndsLater = (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(),
                    new Class<?>[] {Storage.class}, (proxy, method, args) -> {
                        if (method.getName().equals("lastLoggedZxid")) {
                            return 5L;
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            IOException e = assertThrows(IOException.class,
                    () -> new DatabaseLoader(logEndsLater, false, 1 << 20, true).load());
            assertEquals("The snapshot and the transaction log replayed up to zxid 0x0, but the log ends at zxid 0x5:"
                    + " the data directory is inconsistent; refusing to start without the transactions in between",
                    e.getMessage());
        }
    }
}
