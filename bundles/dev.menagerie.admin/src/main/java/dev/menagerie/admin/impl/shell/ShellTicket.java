package dev.menagerie.admin.impl.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The file that lets a local user attach to the shell port: the port and a random token, readable by the server's
 * own user only. Whoever can read it can already read the server's data, so the token grants nothing new.
 */
final class ShellTicket {

    /** The ticket's name in dataDir, next to Apache's {@code zookeeper_server.pid}. */
    static final String FILE_NAME = "menagerie-shell";

    private final Path file;
    private final String token;

    private ShellTicket(Path file, String token) {
        this.file = file;
        this.token = token;
    }

    /** Writes a fresh ticket for {@code port}; fails where the file system cannot keep it private. */
    static ShellTicket write(Path dataDir, int port) throws IOException {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        Path file = dataDir.resolve(FILE_NAME);
        Path draft = Files.createTempFile(dataDir, "." + FILE_NAME + ".",  ".new",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(draft, "port=" + port + "\ntoken=" + token + "\n", StandardCharsets.US_ASCII);
            Files.move(draft, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            // zkServer.sh stop ends the JVM without stopping the framework first, so deactivation may not run.
            file.toFile().deleteOnExit();
        } finally {
            Files.deleteIfExists(draft);
        }
        return new ShellTicket(file, token);
    }

    Path file() {
        return file;
    }

    /** Compares in constant time, so the answer's timing says nothing about the token. */
    boolean admits(String presented) {
        return MessageDigest.isEqual(token.getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    void delete() throws IOException {
        Files.deleteIfExists(file);
    }
}
