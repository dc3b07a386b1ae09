package dev.menagerie.it.process;

import dev.menagerie.testing.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Menagerie's assembled distribution as a child process. {@link Launch#SCRIPT} runs
 * {@code bin/zkServer.sh start-foreground}, which checks zoo.cfg and then execs the JVM, so the process is the
 * server itself and SIGKILL reaches it. {@link Launch#JAVA} runs {@code java -jar lib/menagerie.jar} with the flags
 * {@code zkServer.sh print-cmd} shows, skipping the config check: the benchmark's start-up time is the server's own.
 */
public final class MenagerieServer extends ServerProcess {

    public enum Launch { SCRIPT, JAVA }

    private final Path home;
    private final Launch launch;
    private final List<String> jvmFlags;
    private final int adminPort;
    private final Map<String, String> extraEnvironment = new LinkedHashMap<>();

    public MenagerieServer(String name, Path workDir, Path dataDir, int clientPort, Map<String, String> extraConfig,
            Launch launch, List<String> jvmFlags) throws IOException {
        super(name, workDir, dataDir, clientPort, extraConfig);
        this.home = Distribution.home();
        this.launch = launch;
        this.jvmFlags = List.copyOf(jvmFlags);
        this.adminPort = FreePorts.next();
    }

    /** A server launched through the script with a small heap, as the tests use it. */
    public static MenagerieServer forTest(String name, Path workDir, Map<String, String> extraConfig)
            throws IOException {
        return new MenagerieServer(name, workDir, workDir.resolve(name + "-data"), FreePorts.next(), extraConfig,
                Launch.SCRIPT, List.of("-Xmx512m"));
    }

    /**
     * As {@link #forTest}, with {@link Distribution#testJvmFlags}: for a test whose time goes to starting and
     * restarting the server rather than to load whose speed it measures.
     */
    public static MenagerieServer forStartHeavyTest(String name, Path workDir, Map<String, String> extraConfig)
            throws IOException {
        return new MenagerieServer(name, workDir, workDir.resolve(name + "-data"), FreePorts.next(), extraConfig,
                Launch.SCRIPT, Distribution.testJvmFlags("-Xmx512m"));
    }

    /** Sets an environment variable for the launch (as an operator exports one before zkServer.sh); chainable. */
    public MenagerieServer withEnvironment(String name, String value) {
        extraEnvironment.put(name, value);
        return this;
    }

    /**
     * A server launched with java, whose Gogo shell reads commands from {@link #sendLine} (it keeps running when
     * the pipe closes) and whose FileInstall watches {@code deployDir} instead of the distribution's deploy/.
     */
    public static MenagerieServer withShell(String name, Path workDir, Path deployDir, Map<String, String> extraConfig)
            throws IOException {
        // Later -D flags win over the launcher's own, which come first on the command line.
        MenagerieServer server = new MenagerieServer(name, workDir, workDir.resolve(name + "-data"), FreePorts.next(),
                extraConfig, Launch.JAVA, List.of("-Xmx512m", "-Dgosh.args=--noshutdown",
                        "-Dfelix.fileinstall.dir=" + deployDir, "-Dfelix.fileinstall.poll=500"));
        server.useStdinPipe();
        return server;
    }

    /** The admin server's port on 127.0.0.1. */
    public int adminPort() {
        return adminPort;
    }

    /** The server's log file (logback), across restarts; it also has the lines of shell commands' threads. */
    public Path logFile() {
        return logDir().resolve(name() + ".log");
    }

    @Override
    protected Map<String, String> ownConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("admin.serverAddress", "127.0.0.1");
        config.put("admin.serverPort", String.valueOf(adminPort));
        config.put("4lw.commands.whitelist", "srvr,ruok,stat,mntr");
        return config;
    }

    @Override
    protected List<String> command(Path configFile) {
        if (launch == Launch.SCRIPT) {
            return List.of(home.resolve("bin/zkServer.sh").toString(), "start-foreground", configFile.toString());
        }
        List<String> command = new ArrayList<>(List.of(Distribution.java(),
                "-Dmenagerie.config=" + configFile,
                "-Dmenagerie.exitOnConfigError=true",
                "-Dgosh.args=--nointeractive",
                "-Dzookeeper.log.dir=" + logDir(),
                "-Dzookeeper.log.file=" + name() + ".log",
                "-Dfelix.fileinstall.dir=" + home.resolve("deploy")));
        Path logback = home.resolve("conf/logback.xml");
        if (Files.isRegularFile(logback)) {
            command.add("-Dlogback.configurationFile=" + logback);
        }
        command.addAll(jvmFlags);
        command.addAll(List.of("-jar", home.resolve("lib/menagerie.jar").toString()));
        return command;
    }

    @Override
    protected Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>(Map.of(
                "ZOO_LOG_DIR", logDir().toString(),
                "ZOO_LOG_FILE", name() + ".log",
                "JVMFLAGS", String.join(" ", jvmFlags),
                "ZOOCFGDIR", home.resolve("conf").toString()));
        environment.putAll(extraEnvironment);
        return environment;
    }

    private Path logDir() {
        return workDir().resolve(name() + "-logs");
    }
}
