package dev.menagerie.api.config;

import java.nio.file.Path;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads a zoo.cfg into a {@link ServerConfig} without publishing or starting anything, held to the same rules as the
 * file the server runs on: a refused key, a bad value or an unreadable file is an {@link InvalidConfigException}.
 * The config bundle registers it as a service; tools and tests use it to check a file before it is deployed.
 */
@ProviderType
public interface ConfigReader {

    /**
     * Parses {@code zooCfg}. {@code systemProperties} stand for the JVM's {@code zookeeper.*} properties (pass an
     * empty map to ignore the JVM's); warnings go to the log as when the server reads the file.
     */
    ServerConfig read(Path zooCfg, Map<String, String> systemProperties) throws InvalidConfigException;
}
