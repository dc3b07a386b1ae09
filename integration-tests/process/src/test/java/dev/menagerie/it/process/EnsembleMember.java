package dev.menagerie.it.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One server of an {@link Ensemble} as a child process, with the layout's zoo.cfg and a myid file. Menagerie runs
 * through {@code bin/zkServer.sh start-foreground} (which execs the JVM, so signals reach the server), Apache
 * ZooKeeper 3.9.5 as {@code QuorumPeerMain} with this JVM's class path.
 */
public final class EnsembleMember extends ServerProcess {

    /** Which implementation the ensemble runs. */
    public enum Impl {
        MENAGERIE, APACHE;

        /** From {@code menagerie.it.ensemble.impl} ("menagerie", the default, or "apache"). */
        public static Impl fromSystemProperty() {
            return valueOf(System.getProperty("menagerie.it.ensemble.impl", "menagerie").trim()
                    .toUpperCase(Locale.ROOT));
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final String APACHE_MAIN = "org.apache.zookeeper.server.quorum.QuorumPeerMain";

    private final EnsembleLayout layout;
    private final EnsembleLayout.Member self;
    private final Impl impl;
    private final List<String> jvmFlags;
    private volatile String extraConfig = "";

    public EnsembleMember(Impl impl, EnsembleLayout layout, int id, Path workDir, List<String> jvmFlags) {
        super("server" + id, workDir, workDir.resolve("server" + id + "-data"), layout.member(id).clientPort(),
                Map.of());
        this.impl = impl;
        this.layout = layout;
        this.self = layout.member(id);
        this.jvmFlags = List.copyOf(jvmFlags);
    }

    public Impl impl() {
        return impl;
    }

    public int id() {
        return self.id();
    }

    /** The port of this member's admin server (HTTP). */
    public int adminPort() {
        return self.adminPort();
    }

    public boolean isObserver() {
        return self.observer();
    }

    @Override
    protected Path writeConfig() throws IOException {
        Files.createDirectories(deployDir());
        Files.writeString(dataDir().resolve("myid"), id() + "\n");
        Files.writeString(configFile(), layout.configText(id(), dataDir()) + extraConfig);
        return configFile();
    }

    /**
     * Menagerie's log file (logback), across restarts. Unlike {@link #outputFile()} it also has the lines that
     * shell commands' threads log, which Gogo sends to the shell instead of the console.
     */
    public Path logFile() {
        return workDir().resolve(name() + "-logs").resolve(name() + ".log");
    }

    /**
     * The folder this member's FileInstall watches instead of the installation's deploy/ (which every member shares
     * here): a jar dropped into it reaches this member only, as on a server with an installation of its own.
     */
    public Path deployDir() {
        return workDir().resolve(name() + "-deploy");
    }

    /**
     * Rewrites the running member's zoo.cfg as the layout's text, the extra lines and {@code liveLines}: a live
     * edit the member's config watcher picks up (the file's size must change, or its modification time).
     */
    public void editLiveConfig(String liveLines) throws IOException {
        Files.writeString(configFile(), layout.configText(id(), dataDir()) + extraConfig + liveLines);
    }

    /** Lines added to this member's zoo.cfg from its next start on (a rolling change of settings). */
    public void setExtraConfig(String lines) {
        extraConfig = lines;
    }

    /** Unused: {@link #writeConfig()} writes the layout's text. */
    @Override
    protected Map<String, String> ownConfig() {
        return Map.of();
    }

    @Override
    protected List<String> command(Path configFile) throws IOException {
        if (impl == Impl.MENAGERIE) {
            return List.of(Distribution.home().resolve("bin/zkServer.sh").toString(), "start-foreground",
                    configFile.toString());
        }
        List<String> command = new ArrayList<>(List.of(Distribution.java(),
                "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dzookeeper.log.dir=" + workDir(),
                // Off unless the member's zoo.cfg turns it on: Apache sets its unknown zoo.cfg keys as
                // zookeeper.* system properties, over this one.
                "-Dzookeeper.admin.enableServer=false",
                "-XX:+HeapDumpOnOutOfMemoryError",
                "-XX:OnOutOfMemoryError=kill -9 %p"));
        command.addAll(jvmFlags);
        command.add(APACHE_MAIN);
        command.add(configFile.toString());
        return command;
    }

    @Override
    protected Map<String, String> environment() {
        if (impl != Impl.MENAGERIE) {
            return Map.of();
        }
        try {
            return Map.of(
                    "ZOO_LOG_DIR", workDir().resolve(name() + "-logs").toString(),
                    "ZOO_LOG_FILE", name() + ".log",
                    // after zkServer.sh's own -Dfelix.fileinstall.dir, so this one counts
                    "JVMFLAGS", String.join(" ", jvmFlags) + " -Dfelix.fileinstall.dir=" + deployDir(),
                    "ZOOCFGDIR", Distribution.home().resolve("conf").toString());
        } catch (IOException noInstallation) {
            throw new IllegalStateException(noInstallation.getMessage(), noInstallation);
        }
    }

    /** SIGSTOP: the process stays, with its sockets open, but does nothing (a long GC pause or a frozen VM). */
    public void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** SIGCONT after {@link #pause()}. */
    public void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        if (!isAlive()) {
            throw new IllegalStateException(this + " is not running, cannot send SIG" + name);
        }
        Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(pid())).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill -" + name + " " + pid() + " failed");
        }
    }

    /** The answer to the four-letter word {@code srvr}, or why there is none. */
    public String srvr(Duration timeout) {
        return FourLetterWordClient.send(clientPort(), "srvr", timeout);
    }

    /** {@code leader}, {@code follower}, {@code observer}, ... from {@code srvr}; {@code down} or {@code none}. */
    public String mode(Duration timeout) {
        if (!isAlive()) {
            return "down";
        }
        return FourLetterWordClient.mode(srvr(timeout));
    }

    @Override
    public String toString() {
        return impl.label() + " " + super.toString();
    }
}
