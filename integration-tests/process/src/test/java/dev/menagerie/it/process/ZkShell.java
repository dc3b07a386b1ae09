package dev.menagerie.it.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** {@code zkServer.sh shell}, an operator's way into a running server's Gogo shell: commands in, answers out. */
public final class ZkShell {

    private ZkShell() {
    }

    /**
     * Runs {@code commands} in the shell of the server that {@code zooCfg} describes and returns what the script
     * printed; fails unless it exits 0 within {@code timeout}.
     */
    public static String run(Path zooCfg, Duration timeout, String... commands)
            throws IOException, InterruptedException {
        Process shell = new ProcessBuilder(Distribution.home().resolve("bin/zkServer.sh").toString(), "shell",
                zooCfg.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (OutputStream in = shell.getOutputStream()) {
            in.write((String.join("\n", commands) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String output;
        try (InputStream out = shell.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!shell.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            shell.destroyForcibly();
            throw new AssertionError("zkServer.sh shell did not exit within " + timeout + ": " + output);
        }
        if (shell.exitValue() != 0) {
            throw new AssertionError("zkServer.sh shell exited " + shell.exitValue() + ": " + output);
        }
        return output;
    }
}
