package dev.menagerie.admin.impl.http;

import dev.menagerie.api.config.ServerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** zoo.cfg's text as the server started with it, which Apache's {@code initial_configuration} reports. */
final class InitialConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(InitialConfiguration.class);
    /** A zoo.cfg larger than this is not a configuration an operator wants echoed back whole. */
    static final long MAX_BYTES = 1 << 20;

    private InitialConfiguration() {
    }

    /** The file's text; its parsed keys, one {@code key=value} line each, when it cannot be read any more. */
    static String read(ServerConfig config) {
        try {
            if (Files.size(config.configFile()) <= MAX_BYTES) {
                return Files.readString(config.configFile(), StandardCharsets.UTF_8);
            }
            LOG.warn("{} is larger than {} bytes; initial_configuration reports its parsed keys",
                    config.configFile(), MAX_BYTES);
        } catch (IOException e) {
            LOG.warn("Cannot read {} for initial_configuration ({}); it reports the parsed keys",
                    config.configFile(), e.getMessage());
        }
        StringBuilder text = new StringBuilder();
        Map<String, String> sorted = new TreeMap<>(config.properties());
        sorted.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }
}
