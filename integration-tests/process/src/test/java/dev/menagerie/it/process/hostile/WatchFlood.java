package dev.menagerie.it.process.hostile;

import dev.menagerie.it.process.ServerProcess;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.KeeperException;

/**
 * One session that sets {@code count} exists watches on distinct nonexistent paths, pipelined on a raw connection
 * (a writer thread sends, this thread reads every reply), then closes its session. Measures the server's live heap
 * before, with the watches, and after the close.
 */
record WatchFlood(int count, long heapBeforeKib, long heapWithKib, long heapAfterCloseKib, long setMs) {

    private static final int BATCH = 1_000;
    private static final long MAX_SET_MS = TimeUnit.MINUTES.toMillis(5);

    static WatchFlood run(ServerProcess server, int count, ExecutorService writers) throws Exception {
        long before = ServerMemory.liveHeapKib(server.pid());
        long startNs = System.nanoTime();
        try (RawClient client = new RawClient(server.clientPort(), "127.0.0.5", 30_000)) {
            Future<?> sending = writers.submit(() -> {
                for (int first = 0; first < count; first += BATCH) {
                    List<byte[]> batch = new ArrayList<>(BATCH);
                    for (int i = first; i < Math.min(count, first + BATCH); i++) {
                        batch.add(Wire.exists(i + 1, "/watched/" + i, true));
                    }
                    client.write(Wire.concat(batch));
                }
                return null;
            });
            for (int i = 0; i < count; i++) {
                int err = Wire.replyHeader(client.readFrame()).getErr();
                if (err != KeeperException.Code.NONODE.intValue()) {
                    throw new AssertionError("exists #" + i + " answered error " + err + " instead of NONODE");
                }
            }
            sending.get(MAX_SET_MS, TimeUnit.MILLISECONDS);
            long setMs = (System.nanoTime() - startNs) / 1_000_000;
            long with = ServerMemory.liveHeapKib(server.pid());
            String closed = client.sendAndAwait(Wire.closeSession(count + 1), 30_000);
            if (!closed.equals("ok") && !closed.equals("closed")) {
                throw new AssertionError("closeSession answered " + closed);
            }
            return new WatchFlood(count, before, with, ServerMemory.liveHeapKib(server.pid()), setMs);
        } catch (IOException e) {
            throw new AssertionError("the watching session failed: " + e + "; server output:\n"
                    + server.outputTail(), e);
        }
    }

    /** Live heap per watch, in bytes. */
    long bytesPerWatch() {
        return (heapWithKib - heapBeforeKib) * 1024 / count;
    }

    String summary() {
        return String.format("%,d watches set in %,d ms, %d bytes each; live heap %d -> %d -> %d MiB after close",
                count, setMs, bytesPerWatch(), heapBeforeKib / 1024, heapWithKib / 1024, heapAfterCloseKib / 1024);
    }
}
