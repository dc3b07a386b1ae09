package dev.menagerie.it.process.swap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.menagerie.it.process.AckLedger;
import dev.menagerie.it.process.Clients;
import dev.menagerie.it.process.EnsembleLoad;
import dev.menagerie.it.process.LedgerCheck;
import dev.menagerie.testing.Await;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooKeeper;

/**
 * Continuous load for swap tests: writers creating sequential nodes and a ticker changing one node's data, pinned
 * to given servers, and on each watched server a {@link CreateWatcher} with a persistent recursive, a child and a
 * data watch. {@link #measure} runs one swap with the window open and returns its table row; {@link #finish}
 * stops the load and checks that no acknowledged write is lost and no watch event missed.
 */
final class SwapLoad implements AutoCloseable {

    static final String PARENT = EnsembleLoad.PARENT;
    private static final int WRITERS_PER_SERVER = 2;
    private static final int MAX_OPS_PER_WRITER = 100_000;
    private static final Duration MAX_DURATION = Duration.ofMinutes(4);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Acknowledged creates each writer group must add after a swap, to show that writing goes on. */
    private static final int WRITES_AFTER_SWAP = 20;

    /** One swap: its longest write pause, the reconnects it caused and whether clients noticed at all. */
    record Row(String swap, Duration longestPause, int reconnects, long writesDuring) {
    }

    /** Something that makes a server swap, run with the window open. */
    @FunctionalInterface
    interface Change {
        void run() throws IOException, InterruptedException;
    }

    /** What shows that a swap is done (a log line counted, a listing), awaited after the change. */
    @FunctionalInterface
    interface Done {
        boolean done() throws IOException, InterruptedException;
    }

    private final AckLedger ledger = new AckLedger();
    private final List<EnsembleLoad> loads = new ArrayList<>();
    private final List<CreateWatcher> watchers = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private DataTicker ticker;

    /** Starts writers on every server of {@code writeTo} (one connect string each) and a watcher on each. */
    void start(List<String> writeTo) throws IOException, InterruptedException, KeeperException {
        try (ZooKeeper setup = Clients.connect(writeTo.get(0), 30_000, TIMEOUT)) {
            EnsembleLoad.prepare(setup);
            DataTicker.prepare(setup);
        }
        for (String server : writeTo) {
            watchers.add(new CreateWatcher(server, PARENT, DataTicker.PATH, TIMEOUT));
        }
        int round = 0;
        for (String server : writeTo) {
            EnsembleLoad load = new EnsembleLoad(server, ledger, "s" + round++, MAX_OPS_PER_WRITER, MAX_DURATION);
            loads.add(load);
            load.start(WRITERS_PER_SERVER);
        }
        ticker = new DataTicker(writeTo.get(0), ledger, MAX_OPS_PER_WRITER, MAX_DURATION);
        ticker.start();
        awaitWritesAfter(0);
    }

    /** Runs {@code change}, waits for {@code done} and for every writer group to write again; adds a row. */
    Row measure(String swap, Change change, Done done) throws IOException, InterruptedException {
        int watcherDrops = watchers.stream().mapToInt(CreateWatcher::disconnects).sum();
        long acknowledged = acknowledged();
        loads.forEach(EnsembleLoad::openWindow);
        change.run();
        Await.untilNoException(swap + ": done", TIMEOUT, () -> done.done() ? true : null);
        awaitWritesAfter(acknowledged());
        Duration pause = loads.stream().map(EnsembleLoad::longestPause).max(Duration::compareTo).orElseThrow();
        int reconnects = loads.stream().mapToInt(EnsembleLoad::disconnects).sum()
                + watchers.stream().mapToInt(CreateWatcher::disconnects).sum() - watcherDrops;
        Row row = new Row(swap, pause, reconnects, acknowledged() - acknowledged);
        rows.add(row);
        return row;
    }

    private long acknowledged() {
        return loads.stream().mapToLong(EnsembleLoad::acknowledged).sum();
    }

    private void awaitWritesAfter(long before) {
        long[] from = loads.stream().mapToLong(EnsembleLoad::acknowledged).toArray();
        Await.until("every writer group writes again (" + before + " acknowledged before)", TIMEOUT, () -> {
            for (int i = 0; i < from.length; i++) {
                if (loads.get(i).acknowledged() < from[i] + WRITES_AFTER_SWAP) {
                    return null;
                }
            }
            return true;
        });
    }

    AckLedger ledger() {
        return ledger;
    }

    /**
     * Stops the load; checks that it met no unexpected error, that every watcher's watches led it to every
     * acknowledged create and ticker version (missing only what was created while it was disconnected), that no
     * session expired, and, through {@code readFrom}, that every acknowledged write is there. Prints the table.
     */
    void finish(String title, String readFrom) throws IOException, InterruptedException {
        for (EnsembleLoad load : loads) {
            load.stopAndAwait(TIMEOUT);
        }
        ticker.stopAndAwait(TIMEOUT);
        List<String> lost;
        try (ZooKeeper reader = Clients.connect(readFrom, 30_000, TIMEOUT)) {
            reader.sync(PARENT, (rc, path, ctx) -> { }, null);
            lost = LedgerCheck.problems(reader, ledger);
        }
        try {
            checkWatches();
        } catch (AssertionError notYet) {
            // counted in the table below, then reported by the second check
        }
        printTable(title, lost.size());
        for (EnsembleLoad load : loads) {
            assertEquals(List.of(), load.unexpectedErrors(), "writers' errors");
        }
        assertEquals(List.of(), ticker.unexpectedErrors(), "ticker's errors");
        assertEquals(List.of(), lost, "acknowledged writes lost");
        checkWatches();
    }

    private void checkWatches() {
        Set<String> acknowledged = ledger.creates().keySet();
        int version = ticker.acknowledgedVersion();
        for (int i = 0; i < watchers.size(); i++) {
            CreateWatcher watcher = watchers.get(i);
            String who = "watcher " + i;
            assertEquals(null, watcher.failure(), who);
            Await.until(who + ": the child watch leads to every acknowledged create", TIMEOUT,
                    () -> watcher.lastChildCount() >= acknowledged.size() ? true : null);
            Await.until(who + ": the data watch leads to ticker version " + version, TIMEOUT,
                    () -> watcher.lastDataVersion() >= version ? true : null);
            Await.until(who + ": the persistent recursive watch reports every create made while it was connected",
                    TIMEOUT, () -> watcher.missedWhileConnected(acknowledged).isEmpty() ? true : null);
        }
    }

    /** Create events missed while connected, over all watchers. */
    private int missedEvents() {
        Set<String> acknowledged = ledger.creates().keySet();
        return watchers.stream().mapToInt(watcher -> watcher.missedWhileConnected(acknowledged).size()).sum();
    }

    private void printTable(String title, int lost) {
        StringBuilder table = new StringBuilder("\n" + title + ": " + ledger.creates().size()
                + " acknowledged creates and ticker version " + ticker.acknowledgedVersion() + "; acknowledged"
                + " writes lost: " + lost + "; create events missed while connected: " + missedEvents() + "\n"
                + "| swap | longest write pause | reconnects (writers and watchers) | creates during the swap |\n"
                + "|---|---|---|---|\n");
        for (Row row : rows) {
            table.append("| ").append(row.swap()).append(" | ").append(row.longestPause().toMillis())
                    .append(" ms | ").append(row.reconnects()).append(" | ").append(row.writesDuring())
                    .append(" |\n");
        }
        System.out.println(table);
    }

    @Override
    public void close() throws InterruptedException {
        for (EnsembleLoad load : loads) {
            load.stop();
        }
        if (ticker != null) {
            ticker.stopAndAwait(TIMEOUT);
        }
        for (CreateWatcher watcher : watchers) {
            watcher.close();
        }
    }
}
