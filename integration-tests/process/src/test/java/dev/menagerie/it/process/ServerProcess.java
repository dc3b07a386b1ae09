package dev.menagerie.it.process;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One server JVM started from a zoo.cfg it writes itself: Menagerie's distribution or Apache ZooKeeper. Output goes
 * to a file next to the config, so a failing test can point at it.
 */
public abstract class ServerProcess implements AutoCloseable {

    /** How long a server may take to exit after SIGTERM before it is killed. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    /** The line Menagerie's standalone component logs when the server fails to start. */
    private static final String FAILED_START_MARKER = "The server could not start";

    private final String name;
    private final Path workDir;
    private final Path dataDir;
    private final int clientPort;
    private final Map<String, String> extraConfig;
    private Process process;
    private int starts;
    /** Whether the next start gives the process a pipe on stdin (for {@link #sendLine}) instead of /dev/null. */
    private boolean stdinPipe;

    protected ServerProcess(String name, Path workDir, Path dataDir, int clientPort, Map<String, String> extraConfig) {
        this.name = name;
        this.workDir = workDir;
        this.dataDir = dataDir;
        this.clientPort = clientPort;
        this.extraConfig = Map.copyOf(extraConfig);
    }

    /** The command line that runs the server with the given zoo.cfg. */
    protected abstract List<String> command(Path configFile) throws IOException;

    /** Environment additions for the command (none by default). */
    protected Map<String, String> environment() {
        return Map.of();
    }

    /** zoo.cfg lines specific to this server kind. */
    protected abstract Map<String, String> ownConfig();

    public String name() {
        return name;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path workDir() {
        return workDir;
    }

    public int clientPort() {
        return clientPort;
    }

    public String connectString() {
        return "127.0.0.1:" + clientPort;
    }

    /** The output file of the most recent start. */
    public Path outputFile() {
        return workDir.resolve(name + "-" + starts + ".out");
    }

    /** Starts the JVM; does not wait for it to serve (see {@link #awaitListening}). */
    public void start() throws IOException {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        Files.createDirectories(workDir);
        Files.createDirectories(dataDir);
        Path config = writeConfig();
        starts++;
        ProcessBuilder builder = new ProcessBuilder(command(config))
                .redirectErrorStream(true)
                .redirectOutput(outputFile().toFile())
                .redirectInput(stdinPipe ? ProcessBuilder.Redirect.PIPE
                        : ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(environment());
        process = builder.start();
    }

    /** Makes the next start connect the process's stdin to a pipe that {@link #sendLine} writes to. */
    protected void useStdinPipe() {
        stdinPipe = true;
    }

    /** Writes one line to the running process's stdin; it must have been started with {@link #useStdinPipe}. */
    public void sendLine(String line) throws IOException {
        if (!stdinPipe || !isAlive()) {
            throw new IllegalStateException(name + " is not running with a stdin pipe");
        }
        process.getOutputStream().write((line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    /** The zoo.cfg this server runs with (written at each start; a test may edit it while the server runs). */
    public Path configFile() {
        return workDir.resolve(name + ".cfg");
    }

    /** Writes this server's zoo.cfg into the work folder; ensemble members replace the whole text. */
    protected Path writeConfig() throws IOException {
        StringBuilder text = new StringBuilder()
                .append("tickTime=2000\n")
                .append("dataDir=").append(dataDir.toAbsolutePath()).append('\n')
                .append("clientPort=").append(clientPort).append('\n')
                .append("clientPortAddress=127.0.0.1\n")
                .append("forceSync=yes\n");
        ownConfig().forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        extraConfig.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        Files.writeString(configFile(), text);
        return configFile();
    }

    /** Waits until the client port accepts TCP connections; fails early, with the output's tail, if the JVM dies. */
    public void awaitListening(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int polls = 0;
        while (System.nanoTime() < deadline) {
            if (!isAlive()) {
                throw new IllegalStateException(name + " exited with status " + process.exitValue()
                        + " before listening; output:\n" + outputTail());
            }
            if (accepts()) {
                return;
            }
            if (++polls % 50 == 0 && reportsFailedStart()) {
                throw new IllegalStateException(name + " reports that it could not start; output:\n"
                        + outputTail());
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException(name + " did not listen on " + connectString() + " within " + timeout
                + "; output:\n" + outputTail());
    }

    /**
     * Menagerie logs this and keeps its JVM (and its admin server) up when the database does not load, so waiting
     * for the client port would only run into the timeout.
     */
    private boolean reportsFailedStart() throws IOException {
        Path output = outputFile();
        return Files.isRegularFile(output) && Files.readString(output).contains(FAILED_START_MARKER);
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", clientPort), 200);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook, no flush; what a power cut looks like to the process. */
    public void kill() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(name + " (pid " + process.pid() + ") survived SIGKILL");
        }
    }

    /** SIGTERM and wait for the exit; SIGKILL if it takes too long. Returns the exit status. */
    public int stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return process == null ? 0 : process.exitValue();
        }
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
        }
        return process.exitValue();
    }

    /** Waits until the process exits by itself; returns its exit status. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (process == null) {
            throw new IllegalStateException(name + " was never started");
        }
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " still runs " + timeout + " after it should have exited:\n"
                    + outputTail());
        }
        return process.exitValue();
    }

    /** The last lines of the current output file, for failure messages. */
    public String outputTail() {
        try {
            List<String> lines = Files.readAllLines(outputFile());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | RuntimeException unreadable) {
            return "(no output: " + unreadable + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    @Override
    public String toString() {
        return name + " on " + connectString() + " (data " + dataDir + ")";
    }
}
