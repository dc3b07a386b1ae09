package dev.menagerie.it.process.jpms;

import dev.menagerie.it.process.Distribution;
import dev.menagerie.testing.ZooCfg;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server the distribution's {@code bin/zkServer.sh} runs with {@code MENAGERIE_RUNTIME=modules}, as an operator
 * would: {@code start}, {@code status}, {@code stop} and {@code start-foreground}, each a process of its own, with
 * its own folder holding zoo.cfg, data, pid file and logs.
 */
final class ScriptedServer implements AutoCloseable {

    /** What one zkServer.sh command printed (stdout and stderr) and its exit status. */
    record Result(int exitStatus, String output) {
    }

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(45);

    private final Path home;
    private final Path folder;
    private final Path zooCfg;
    private final int clientPort;

    ScriptedServer(Path folder, int clientPort, ZooCfg config) throws IOException {
        this.home = Distribution.home();
        this.folder = folder;
        this.clientPort = clientPort;
        Files.createDirectories(folder);
        this.zooCfg = config.write(folder.resolve("zoo.cfg"));
    }

    Result run(String command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(home.resolve("bin/zkServer.sh").toString(), command,
                zooCfg.toString()));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(folder.resolve(command + ".txt").toFile());
        builder.environment().putAll(Map.of(
                "MENAGERIE_RUNTIME", "modules",
                "ZOO_LOG_DIR", logFile().getParent().toString(),
                "ZOO_LOG_FILE", logFile().getFileName().toString(),
                "ZOOCFGDIR", home.resolve("conf").toString(),
                "JMXDISABLE", "true",
                "JVMFLAGS", String.join(" ", Distribution.testJvmFlags("-Xmx256m"))));
        Process process = builder.start();
        if (!process.waitFor(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("zkServer.sh " + command + " did not finish within " + COMMAND_TIMEOUT);
        }
        return new Result(process.exitValue(), Files.readString(folder.resolve(command + ".txt"),
                StandardCharsets.UTF_8));
    }

    /** The role {@code zkServer.sh status} reports ({@code standalone}, {@code leader}, ...), or null. */
    String mode() {
        try {
            Result status = run("status");
            return status.output().lines().filter(l -> l.startsWith("Mode: ") && status.exitStatus() == 0)
                    .map(l -> l.substring("Mode: ".length())).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The server's pid from its pid file (zkServer.sh's default place, in the data folder). */
    long pid() throws IOException {
        return Long.parseLong(Files.readString(folder.resolve("data/zookeeper_server.pid")).trim());
    }

    /** SIGKILL, as a crash: the pid file stays, as after a real one. */
    void kill() throws IOException {
        ProcessHandle.of(pid()).ifPresent(ProcessHandle::destroyForcibly);
    }

    Path logFile() {
        return folder.resolve("logs/server.log");
    }

    String log() throws IOException {
        return Files.isRegularFile(logFile()) ? Files.readString(logFile()) : "";
    }

    String connectString() {
        return "127.0.0.1:" + clientPort;
    }

    Path dataDir() {
        return folder.resolve("data");
    }

    /** {@code zkServer.sh stop}, and SIGKILL for a process that is still there after it. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (!Files.isRegularFile(folder.resolve("data/zookeeper_server.pid"))) {
            return;
        }
        long pid = pid();
        run("stop");
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
}
