package dev.menagerie.storage.file.impl;

import dev.menagerie.api.storage.LogEntry;
import dev.menagerie.api.storage.StorageSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Append throughput with forceSync on: one writer waiting for each append, then 64 writers doing the same
 * concurrently (group commit), ~100-byte entries, each run bounded in time. Not a unit test; after
 * {@code mvn -q install} and {@code mvn -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * -Dmdep.includeScope=test}, run {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt)
 * dev.menagerie.storage.file.impl.AppendBenchmark [dir on the disk to measure] [seconds per run]}.
 */
public final class AppendBenchmark {

    private static final int ENTRY_TXN_BYTES = 100 - LogFormat.ENTRY_OVERHEAD_BYTES;
    private static final long PREALLOC_BYTES = 64L * 1024 * 1024;

    private long nextZxid = 1;

    public static void main(String[] args) throws Exception {
        Path base = args.length > 0 ? Path.of(args[0]) : Path.of(System.getProperty("java.io.tmpdir"));
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        for (int writers : new int[] {1, 64}) {
            Path dir = Files.createTempDirectory(base, "append-bench");
            try {
                new AppendBenchmark().run(dir, writers, seconds);
            } finally {
                deleteTree(dir);
            }
        }
    }

    private void run(Path dir, int writers, int seconds) throws Exception {
        StorageSettings settings = new StorageSettings(dir, dir, PREALLOC_BYTES, true, 3, 0);
        try (FileStorage storage = FileStorage.open(FileStorageConfig.from(settings), LogChannel.FILES,
                s -> { }, TestStorage.unrecordedMetrics())) {
            long endNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            List<Thread> threads = new ArrayList<>();
            long[] counts = new long[writers];
            for (int w = 0; w < writers; w++) {
                int index = w;
                Thread thread = new Thread(() -> counts[index] = appendUntil(storage, endNs));
                threads.add(thread);
                thread.start();
            }
            long startNs = System.nanoTime();
            for (Thread thread : threads) {
                thread.join(TimeUnit.SECONDS.toMillis(seconds + 30L));
            }
            double elapsedS = (System.nanoTime() - startNs) / 1e9;
            long appends = 0;
            for (long count : counts) {
                appends += count;
            }
            long fsyncs = storage.fsyncCount();
            System.out.printf("%2d writer(s): %8d appends in %.1f s = %8.0f appends/s, %6.0f fsyncs/s,"
                    + " %.1f appends per fsync%n", writers, appends, elapsedS, appends / elapsedS,
                    fsyncs / elapsedS, fsyncs == 0 ? 0.0 : (double) appends / fsyncs);
        }
    }

    private long appendUntil(FileStorage storage, long endNs) {
        long count = 0;
        while (System.nanoTime() < endNs) {
            try {
                next(storage).toCompletableFuture().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("append failed", e);
            }
            count++;
        }
        return count;
    }

    /** Zxids are taken in queue order, as a leader's proposals are. */
    private synchronized java.util.concurrent.CompletionStage<Void> next(FileStorage storage) {
        long zxid = nextZxid++;
        return storage.append(new LogEntry(zxid, TestStorage.txn(zxid, ENTRY_TXN_BYTES - LogFormat.TXN_HEADER_BYTES)));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
