package dev.menagerie.it.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.zookeeper.KeeperException.Code;
import org.apache.zookeeper.ZooKeeper;

/**
 * N servers of one implementation as separate processes on 127.0.0.1, each with its own ports, dataDir and myid.
 * Every wait is bounded and fails with the members' modes and output tails.
 */
public final class Ensemble implements AutoCloseable {

    private static final Duration FOUR_LETTER_TIMEOUT = Duration.ofSeconds(2);
    private static final long POLL_MS = 50;
    private static final Duration CRASH_CHECK_INTERVAL = Duration.ofSeconds(2);
    /**
     * Lines after which Menagerie keeps its JVM (and admin server) up without ever serving: a failed start, and a
     * build without quorum mode.
     */
    private static final List<String> FAILED_START_MARKERS = List.of("The server could not start",
            "Quorum mode is not available");

    private final EnsembleMember.Impl impl;
    private final EnsembleLayout layout;
    private final Path workDir;
    private final Map<Integer, EnsembleMember> members = new LinkedHashMap<>();
    private final Set<Integer> paused = new HashSet<>();
    /** Members this harness killed on purpose; any other dead member crashed, and waiting for it is pointless. */
    private final Set<Integer> killed = new HashSet<>();
    private int crashChecks;
    /** Kills the members if the test JVM exits without {@link #close()} (Ctrl-C, a killed fork): 3-5 stray JVMs
     *  would otherwise keep running on a machine the next run shares. */
    private final Thread killOnExit = new Thread(this::killAllNow, "ensemble-kill-on-exit");

    private Ensemble(EnsembleMember.Impl impl, java.util.function.IntFunction<EnsembleMember.Impl> implOf,
            EnsembleLayout layout, Path workDir, List<String> jvmFlags) {
        this.impl = impl;
        this.layout = layout;
        this.workDir = workDir;
        for (EnsembleLayout.Member member : layout.members()) {
            members.put(member.id(), new EnsembleMember(implOf.apply(member.id()), layout, member.id(), workDir,
                    jvmFlags));
        }
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    private void killAllNow() {
        for (EnsembleMember member : members.values()) {
            try {
                member.kill();
            } catch (InterruptedException | RuntimeException e) {
                // exiting anyway; the other members still get their SIGKILL
            }
        }
    }

    /** Starts every member (without waiting; see {@link #awaitWritable}). */
    public static Ensemble start(EnsembleMember.Impl impl, EnsembleLayout layout, String workPrefix,
            List<String> jvmFlags) throws IOException, InterruptedException {
        return started(new Ensemble(impl, id -> impl, layout,
                Distribution.newWorkDir(workPrefix + "-" + impl.label()), jvmFlags));
    }

    /**
     * Starts an ensemble whose members run different implementations (a mixed deployment, or a migration one
     * server at a time); {@link #impl()} is then the implementation of the first member.
     */
    public static Ensemble startMixed(Map<Integer, EnsembleMember.Impl> implById, EnsembleLayout layout,
            String workPrefix, List<String> jvmFlags) throws IOException, InterruptedException {
        return startMixed(implById, layout, workPrefix, jvmFlags, id -> "");
    }

    /** As {@link #startMixed(Map, EnsembleLayout, String, List)}, each member's zoo.cfg with extra lines. */
    public static Ensemble startMixed(Map<Integer, EnsembleMember.Impl> implById, EnsembleLayout layout,
            String workPrefix, List<String> jvmFlags, java.util.function.IntFunction<String> extraConfig)
            throws IOException, InterruptedException {
        EnsembleMember.Impl first = implById.get(layout.members().get(0).id());
        Ensemble ensemble = new Ensemble(first, implById::get, layout,
                Distribution.newWorkDir(workPrefix + "-mixed"), jvmFlags);
        for (EnsembleMember member : ensemble.members.values()) {
            member.setExtraConfig(extraConfig.apply(member.id()));
        }
        return started(ensemble);
    }

    private static Ensemble started(Ensemble ensemble) throws IOException, InterruptedException {
        try {
            for (EnsembleMember member : ensemble.members.values()) {
                member.start();
            }
        } catch (IOException | RuntimeException e) {
            ensemble.close();
            throw e;
        }
        return ensemble;
    }

    public EnsembleMember.Impl impl() {
        return impl;
    }

    public EnsembleLayout layout() {
        return layout;
    }

    public Path workDir() {
        return workDir;
    }

    public EnsembleMember member(int id) {
        EnsembleMember member = members.get(id);
        if (member == null) {
            throw new IllegalArgumentException("no server " + id + " in " + members.keySet());
        }
        return member;
    }

    public List<EnsembleMember> members() {
        return List.copyOf(members.values());
    }

    public String connectString() {
        return layout.connectString();
    }

    public void kill(int id) throws InterruptedException {
        killed.add(id);
        member(id).kill();
    }

    public void pause(int id) throws IOException, InterruptedException {
        member(id).pause();
        paused.add(id);
    }

    public void resume(int id) throws IOException, InterruptedException {
        member(id).resume();
        paused.remove(id);
    }

    /**
     * Resumes paused members, restarts dead ones and waits for a leader and a write: an ensemble that tests share
     * starts each test whole, whatever the previous one left behind.
     */
    public void restoreAll(Duration timeout) throws IOException, InterruptedException {
        for (int id : List.copyOf(paused)) {
            resume(id);
        }
        for (EnsembleMember member : members.values()) {
            if (!member.isAlive()) {
                member.start();
                killed.remove(member.id());
            }
        }
        long startNs = System.nanoTime();
        awaitLeader(timeout);
        awaitWritable(timeout.minusNanos(System.nanoTime() - startNs));
        for (EnsembleMember member : members.values()) {
            awaitServing(member.id(), timeout);
        }
    }

    /** Waits until member {@code id} is part of the serving ensemble (leader, follower or observer). */
    public void awaitServing(int id, Duration timeout) throws InterruptedException {
        awaitMode(id, Set.of("leader", "follower", "observer"), timeout);
    }

    /** Starts a member that was killed (SIGKILL first if it still runs). */
    public void restart(int id) throws IOException, InterruptedException {
        EnsembleMember member = member(id);
        if (member.isAlive()) {
            member.kill();
        }
        member.start();
        killed.remove(id);
    }

    /** Waits until member {@code id} exits by itself, as a server whose settings cannot work must; returns its exit
     *  status. From then on it counts as down on purpose, as if killed. */
    public int awaitExit(int id, Duration timeout) throws InterruptedException {
        int status = member(id).awaitExit(timeout);
        killed.add(id);
        return status;
    }

    /** Each member's mode from {@code srvr}: leader, follower, observer, none (not serving) or down. */
    public Map<Integer, String> modes() {
        failIfCrashed(++crashChecks % 20 == 0);
        Map<Integer, String> modes = new LinkedHashMap<>();
        members.forEach((id, member) -> modes.put(id, member.mode(FOUR_LETTER_TIMEOUT)));
        return modes;
    }

    /** Waits until exactly one member reports {@code Mode: leader}; returns its id. */
    public int awaitLeader(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<Integer, String> modes = Map.of();
        while (System.nanoTime() < deadline) {
            modes = modes();
            List<Integer> leaders = withMode(modes, "leader");
            if (leaders.size() == 1) {
                return leaders.get(0);
            }
            Thread.sleep(POLL_MS);
        }
        throw new IllegalStateException("no single leader within " + timeout + "; modes " + modes
                + diagnostics());
    }

    /** Waits until member {@code id} reports {@code mode}. */
    public void awaitMode(int id, String mode, Duration timeout) throws InterruptedException {
        awaitMode(id, Set.of(mode), timeout);
    }

    private void awaitMode(int id, Set<String> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String seen = "?";
        while (System.nanoTime() < deadline) {
            seen = member(id).mode(FOUR_LETTER_TIMEOUT);
            if (wanted.contains(seen)) {
                return;
            }
            if (!member(id).isAlive()) {
                break;
            }
            Thread.sleep(POLL_MS);
        }
        throw new IllegalStateException("server " + id + " is '" + seen + "', not " + wanted + " after " + timeout
                + "; modes " + modes() + diagnostics());
    }

    /** Waits until no running member reports leader or follower (a quorum was lost and everyone noticed). */
    public void awaitNoneServing(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<Integer, String> modes = Map.of();
        while (System.nanoTime() < deadline) {
            modes = modes();
            if (withMode(modes, "leader").isEmpty() && withMode(modes, "follower").isEmpty()) {
                return;
            }
            Thread.sleep(POLL_MS);
        }
        throw new IllegalStateException("servers still lead or follow " + timeout + " after the quorum was lost;"
                + " modes " + modes + diagnostics());
    }

    /** Fails at once when a member that should run has exited: no wait on the ensemble can succeed then. */
    private void failIfCrashed(boolean readOutput) {
        for (EnsembleMember member : members.values()) {
            if (!member.isAlive() && !killed.contains(member.id())) {
                throw new IllegalStateException(member + " exited although nobody killed it (its output is below)"
                        + diagnostics());
            }
            // Menagerie keeps its JVM up after logging this, so the process check above cannot see it.
            if (readOutput && member.isAlive() && reportsFailedStart(member.outputTail())) {
                throw new IllegalStateException(member + " reports that it could not start (its output is below)"
                        + diagnostics());
            }
        }
    }

    private static boolean reportsFailedStart(String output) {
        return FAILED_START_MARKERS.stream().anyMatch(output::contains);
    }

    private static List<Integer> withMode(Map<Integer, String> modes, String mode) {
        return modes.entrySet().stream().filter(e -> e.getValue().equals(mode)).map(Map.Entry::getKey).toList();
    }

    /**
     * Waits until a write through {@code connectString} is acknowledged; returns how long that took. Checks for
     * crashed members every {@link #CRASH_CHECK_INTERVAL}, so a server that cannot start fails the wait early.
     */
    public Duration awaitWritable(String connectString, Duration timeout) throws IOException, InterruptedException {
        long startNs = System.nanoTime();
        long deadline = startNs + timeout.toNanos();
        try (WriteProbe probe = new WriteProbe(connectString)) {
            while (System.nanoTime() < deadline) {
                failIfCrashed(true);
                Duration slice = Duration.ofNanos(Math.min(CRASH_CHECK_INTERVAL.toNanos(),
                        Math.max(1, deadline - System.nanoTime())));
                if (probe.awaitWrite(slice) != null) {
                    return Duration.ofNanos(System.nanoTime() - startNs);
                }
            }
            throw new IllegalStateException("no write through " + connectString + " was acknowledged within "
                    + timeout + " (last: " + probe.lastFailure() + "); modes " + modes() + diagnostics());
        }
    }

    /** Waits until a write through the full connect string is acknowledged. */
    public Duration awaitWritable(Duration timeout) throws IOException, InterruptedException {
        return awaitWritable(connectString(), timeout);
    }

    /**
     * A session with member {@code id} alone, after a {@code sync} through it, so reads show everything the
     * quorum committed before the call. Retries until {@code timeout} (a restarted member may still be joining).
     */
    public ZooKeeper syncedClient(int id, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no attempt";
        while (System.nanoTime() < deadline) {
            long remainingMs = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            ZooKeeper client;
            try {
                client = Clients.connect(member(id).connectString(), 30_000, Duration.ofMillis(remainingMs));
            } catch (IOException e) {
                last = e.getMessage();
                Thread.sleep(POLL_MS);
                continue;
            }
            int rc = sync(client, Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            if (rc == Code.OK.intValue()) {
                return client;
            }
            last = "sync: " + Code.get(rc);
            Clients.closeQuietly(client);
            Thread.sleep(POLL_MS);
        }
        throw new IllegalStateException("no synced session with server " + id + " within " + timeout + " ("
                + last + "); modes " + modes() + diagnostics());
    }

    private static int sync(ZooKeeper client, long timeoutMs) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger result = new AtomicInteger(Code.OPERATIONTIMEOUT.intValue());
        client.sync("/", (rc, path, ctx) -> {
            result.set(rc);
            done.countDown();
        }, null);
        done.await(timeoutMs, TimeUnit.MILLISECONDS);
        return result.get();
    }

    /** Waits until a member other than {@code except} logs a line with {@code text}; returns the line. */
    public String awaitOutput(int except, String text, Duration timeout) throws IOException, InterruptedException {
        return awaitLine(member -> member.id() != except, "no server but " + except, text, timeout);
    }

    /** Waits until member {@code id} logs a line with {@code text} in its current run's output; returns the line. */
    public String awaitOutputOf(int id, String text, Duration timeout) throws IOException, InterruptedException {
        return awaitLine(member -> member.id() == id, "server " + id, text, timeout);
    }

    private String awaitLine(java.util.function.Predicate<EnsembleMember> whose, String who, String text,
            Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (EnsembleMember member : members()) {
                if (whose.test(member)) {
                    for (String line : Files.readAllLines(member.outputFile())) {
                        if (line.contains(text)) {
                            return line;
                        }
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError(who + " logged '" + text + "' within " + timeout + diagnostics());
    }

    /** Every member's state and the tail of its output, for failure messages. */
    public String diagnostics() {
        StringBuilder text = new StringBuilder("\n--- ensemble in ").append(workDir).append(" ---");
        for (EnsembleMember member : members.values()) {
            text.append("\n--- ").append(member).append(member.isAlive() ? ", running" : ", down")
                    .append(", output ").append(member.outputFile()).append(":\n")
                    .append(tail(member.outputTail(), 15));
        }
        return text.toString();
    }

    private static String tail(String text, int lines) {
        String[] all = text.split("\n");
        return String.join("\n", List.of(all).subList(Math.max(0, all.length - lines), all.length));
    }

    /** Resumes paused members and stops everyone in parallel (each stop is bounded by ServerProcess). */
    @Override
    public void close() throws InterruptedException {
        List<Thread> stoppers = new ArrayList<>();
        for (EnsembleMember member : members.values()) {
            Thread stopper = new Thread(() -> {
                try {
                    if (member.isAlive()) {
                        member.resume();
                    }
                    member.stop();
                } catch (IOException | RuntimeException e) {
                    System.err.println("stopping " + member + ": " + e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "stop-" + member.name());
            stopper.start();
            stoppers.add(stopper);
        }
        for (Thread stopper : stoppers) {
            stopper.join();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway, and finds nothing left to kill
        }
    }
}
