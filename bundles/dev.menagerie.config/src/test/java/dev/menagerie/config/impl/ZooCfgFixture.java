package dev.menagerie.config.impl;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Writes zoo.cfg files (and myid files) into a temporary directory and parses them. */
final class ZooCfgFixture {

    final Path dir;
    final Path dataDir;
    final Map<String, String> systemProperties = new HashMap<>();

    ZooCfgFixture(Path dir) {
        this.dir = dir;
        this.dataDir = dir.resolve("data");
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A standalone base: dataDir in the temp dir and client port 2181. */
    String base() {
        return "dataDir=" + dataDir + "\nclientPort=2181\n";
    }

    /** A three-server quorum base; this server is 1. */
    String quorum() {
        return base() + "initLimit=10\nsyncLimit=5\n"
                + "server.1=10.0.0.1:2888:3888\nserver.2=10.0.0.2:2888:3888\nserver.3=10.0.0.3:2888:3888\n";
    }

    Path write(String content) {
        Path file = dir.resolve("zoo.cfg");
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    void myId(String content) {
        try {
            Files.writeString(dataDir.resolve("myid"), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ParseResult parse(String content) throws ConfigException {
        return new ConfigParser(systemProperties).parse(write(content));
    }

    ParsedServerConfig config(String content) throws ConfigException {
        return parse(content).config();
    }

    /** The message of the error that parsing must raise. */
    String error(String content) {
        Path file = write(content);
        return assertThrows(ConfigException.class,
                () -> new ConfigParser(systemProperties).parse(file)).getMessage();
    }

    /** The 1-based line number of the first line that starts with {@code prefix}. */
    static int lineOf(String content, String prefix) {
        String[] lines = content.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(prefix)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no line starts with " + prefix);
    }
}
