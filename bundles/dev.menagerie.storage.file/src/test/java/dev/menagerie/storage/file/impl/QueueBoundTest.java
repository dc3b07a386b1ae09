package dev.menagerie.storage.file.impl;

import static dev.menagerie.storage.file.impl.TestStorage.range;
import static dev.menagerie.storage.file.impl.TestStorage.readAll;
import static dev.menagerie.storage.file.impl.TestStorage.zxids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A disk that stops answering holds the producer back instead of queueing appends without limit. */
class QueueBoundTest {

    private static final long DEADLINE_MS = 30_000;

    @TempDir
    Path dir;

    private final CountDownLatch diskBack = new CountDownLatch(1);
    private final CountDownLatch firstForce = new CountDownLatch(1);

    /** The first force hangs until the test lets the disk come back. */
    private final class StuckChannel extends ForwardingChannel {

        StuckChannel(LogChannel real) {
            super(real);
        }

        @Override
        public void force() throws IOException {
            firstForce.countDown();
            try {
                diskBack.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            super.force();
        }
    }

    @Test
    void aStuckDiskBlocksTheProducerAtTheBoundAndEverythingLandsOnceItRecovers() throws Exception {
        int total = LogWriter.MAX_QUEUED_APPENDS + 5_000;
        AtomicLong queued = new AtomicLong();
        List<CompletableFuture<Void>> stages = java.util.Collections.synchronizedList(new ArrayList<>());
        try (FileStorage storage = TestStorage.open(dir, 0, true,
                path -> new StuckChannel(LogChannel.FILES.create(path)))) {
            Thread producer = new Thread(() -> {
                for (long zxid = 1; zxid <= total; zxid++) {
                    stages.add(storage.append(TestStorage.entry(zxid)).toCompletableFuture());
                    queued.set(zxid);
                }
            }, "producer");
            producer.start();
            assertTrue(firstForce.await(DEADLINE_MS, TimeUnit.MILLISECONDS), "the writer never forced the log");

            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DEADLINE_MS);
            while (producer.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(Thread.State.WAITING, producer.getState(), "the producer should wait for room");
            long held = queued.get();
            assertTrue(held < total, "every append was queued while the disk hung");
            assertTrue(held >= LogWriter.MAX_QUEUED_APPENDS,
                    "the producer was held back before the queue was full: " + held);
            assertTrue(held <= LogWriter.MAX_QUEUED_APPENDS + 2_000L,
                    "more appends queued than the bound plus one group: " + held);

            diskBack.countDown();
            producer.join(DEADLINE_MS);
            assertEquals(total, queued.get());
            CompletableFuture.allOf(stages.toArray(CompletableFuture[]::new)).get(DEADLINE_MS, TimeUnit.MILLISECONDS);
            assertEquals(total, storage.lastLoggedZxid());
            assertEquals(range(1, total), zxids(readAll(storage, 1)));
        } finally {
            diskBack.countDown();
        }
    }
}
