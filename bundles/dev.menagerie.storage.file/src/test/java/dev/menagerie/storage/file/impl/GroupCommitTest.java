package dev.menagerie.storage.file.impl;

import static dev.menagerie.storage.file.impl.TestStorage.range;
import static dev.menagerie.storage.file.impl.TestStorage.readAll;
import static dev.menagerie.storage.file.impl.TestStorage.zxids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitTest {

    private static final int WRITERS = 64;
    private static final int APPENDS_PER_WRITER = 40;

    @TempDir
    Path dir;

    private long nextZxid = 1;

    @Test
    void concurrentAppendsShareFsyncsAndStayInOrder() throws Exception {
        int total = WRITERS * APPENDS_PER_WRITER;
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try (FileStorage storage = TestStorage.open(dir)) {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < APPENDS_PER_WRITER; i++) {
                        appendNext(storage).get(30, TimeUnit.SECONDS);
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
            assertEquals(total, storage.lastLoggedZxid());
            long fsyncs = storage.fsyncCount();
            assertTrue(fsyncs > 0 && fsyncs * 4 < total,
                    fsyncs + " fsyncs for " + total + " appends: appends waiting together should share them");
            assertEquals(range(1, total), zxids(readAll(storage, 1)));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void stagesCompleteInAppendOrder() throws Exception {
        List<Long> completed = java.util.Collections.synchronizedList(new ArrayList<>());
        try (FileStorage storage = TestStorage.open(dir)) {
            List<CompletableFuture<Void>> stages = new ArrayList<>();
            for (long zxid = 1; zxid <= 500; zxid++) {
                long z = zxid;
                stages.add(storage.append(TestStorage.entry(z)).thenRun(() -> completed.add(z))
                        .toCompletableFuture());
            }
            CompletableFuture.allOf(stages.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            assertEquals(range(1, 500), completed);
            assertTrue(storage.fsyncCount() < 500, "500 queued appends need fewer than 500 fsyncs");
        }
    }

    @Test
    void forceSyncOffNeverForces() throws Exception {
        try (FileStorage storage = TestStorage.open(dir, 4096, false, LogChannel.FILES)) {
            TestStorage.appendAll(storage, 1, 20);
            assertEquals(0, storage.fsyncCount());
            assertEquals(range(1, 20), zxids(readAll(storage, 0)));
        }
    }

    @Test
    void readingWhileAppendingSeesAPrefix() throws Exception {
        try (FileStorage storage = TestStorage.open(dir, 4096, false, LogChannel.FILES)) {
            List<CompletableFuture<Void>> stages = new ArrayList<>();
            for (long zxid = 1; zxid <= 3000; zxid++) {
                stages.add(storage.append(TestStorage.entry(zxid)).toCompletableFuture());
            }
            for (int i = 0; i < 5; i++) {
                List<Long> seen = zxids(readAll(storage, 1));
                assertEquals(range(1, seen.size()), seen, "a concurrent reader sees a gap-free prefix");
            }
            CompletableFuture.allOf(stages.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            assertEquals(range(1, 3000), zxids(readAll(storage, 1)));
        }
    }

    /** Zxids are handed out in the order appends are queued, as a leader's proposals are. */
    private synchronized CompletableFuture<Void> appendNext(FileStorage storage) {
        return storage.append(TestStorage.entry(nextZxid++)).toCompletableFuture();
    }
}
