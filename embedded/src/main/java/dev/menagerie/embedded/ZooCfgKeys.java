package dev.menagerie.embedded;

import dev.menagerie.api.config.ConfigReader;
import dev.menagerie.api.config.InvalidConfigException;
import dev.menagerie.api.config.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The zoo.cfg keys the builders collect: defaults for tests (memory storage, NIO, a 2 s tick, no autopurge, the admin
 * HTTP server off) and the caller's keys, written to a file and read back with the parser a deployed server uses.
 */
final class ZooCfgKeys {

    private final Map<String, String> keys = new LinkedHashMap<>();
    private final Set<String> reserved;

    /** @param reserved the keys the builder sets itself (ports, folders), which {@link #set} refuses */
    ZooCfgKeys(Set<String> reserved) {
        this.reserved = reserved;
        keys.put("tickTime", "2000");
        keys.put("clientPortAddress", "127.0.0.1");
        keys.put("admin.enableServer", "false");
        // Short-lived servers need no purge task (and storage=memory warns that it ignores one).
        keys.put("autopurge.purgeInterval", "0");
        keys.put("storage", "memory");
        keys.put("serverCnxnFactory", "nio");
    }

    void set(String key, String value) {
        if (reserved.contains(key)) {
            throw new IllegalArgumentException(key + " is set by the builder's own methods");
        }
        keys.put(key, value);
    }

    /** Writes {@code ownKeys} then the collected ones to {@code zooCfg} and parses the file. */
    ServerConfig write(Path zooCfg, Map<String, String> ownKeys) throws IOException, InvalidConfigException {
        StringBuilder text = new StringBuilder("# written by dev.menagerie.embedded\n");
        ownKeys.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        keys.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        Files.createDirectories(zooCfg.getParent());
        Files.writeString(zooCfg, text);
        return ServerServices.first(ConfigReader.class, "dev.menagerie.config").read(zooCfg, Map.of());
    }
}
