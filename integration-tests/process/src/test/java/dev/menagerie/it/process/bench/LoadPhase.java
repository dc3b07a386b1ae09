package dev.menagerie.it.process.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.zookeeper.ZooKeeper;

/**
 * Runs one kind of asynchronous request from several client threads, each with its own session and at most
 * {@code window} requests in flight, until {@code totalOps} have been issued or {@code maxDuration} has passed.
 * Latency is from the call to its callback.
 */
final class LoadPhase {

    /** Issues request number {@code index} of client {@code clientIndex}; calls {@code done} from the callback. */
    @FunctionalInterface
    interface Request {
        void issue(ZooKeeper client, int clientIndex, int index, Done done);
    }

    /** Called once per request with the server's result code. */
    @FunctionalInterface
    interface Done {
        void completed(int resultCode);
    }

    /** Throughput and latency of one phase. */
    record Result(long ops, long errors, double seconds, long p50Micros, long p99Micros) {
        double opsPerSecond() {
            return ops / seconds;
        }
    }

    private LoadPhase() {
    }

    static Result run(List<ZooKeeper> clients, long totalOps, int window, Duration maxDuration, Request request)
            throws InterruptedException {
        int perClient = (int) Math.max(1, totalOps / clients.size());
        long[][] latencies = new long[clients.size()][perClient];
        int[] completed = new int[clients.size()];
        AtomicLong errors = new AtomicLong();
        long deadline = System.nanoTime() + maxDuration.toNanos();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients.size(); c++) {
            int clientIndex = c;
            Thread thread = new Thread(() -> drive(clients.get(clientIndex), clientIndex, perClient, window,
                    deadline, request, latencies[clientIndex], completed, errors), "load-" + c);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return summarize(latencies, completed, errors.get(), seconds);
    }

    private static void drive(ZooKeeper client, int clientIndex, int ops, int window, long deadline,
            Request request, long[] latencies, int[] completed, AtomicLong errors) {
        Semaphore inFlight = new Semaphore(window);
        int issued = 0;
        try {
            for (; issued < ops && System.nanoTime() < deadline; issued++) {
                inFlight.acquire();
                int index = issued;
                long sentNs = System.nanoTime();
                request.issue(client, clientIndex, index, rc -> {
                    latencies[index] = System.nanoTime() - sentNs;
                    if (rc != 0) {
                        errors.incrementAndGet();
                    }
                    inFlight.release();
                });
            }
            if (!inFlight.tryAcquire(window, 120, TimeUnit.SECONDS)) {
                errors.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        completed[clientIndex] = issued;
    }

    private static Result summarize(long[][] latencies, int[] completed, long errors, double seconds) {
        long ops = Arrays.stream(completed).sum();
        long[] all = new long[(int) ops];
        int at = 0;
        for (int c = 0; c < latencies.length; c++) {
            System.arraycopy(latencies[c], 0, all, at, completed[c]);
            at += completed[c];
        }
        Arrays.sort(all);
        return new Result(ops, errors, seconds, percentileMicros(all, 0.50), percentileMicros(all, 0.99));
    }

    private static long percentileMicros(long[] sortedNanos, double fraction) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(fraction * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, index)] / 1_000;
    }
}
