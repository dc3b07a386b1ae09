package dev.menagerie.admin.impl.http;

import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the admin server listens, read from the zoo.cfg keys Apache ZooKeeper uses (its system properties
 * {@code zookeeper.admin.*} without the prefix). A malformed value is logged and replaced by the default, so a typo
 * does not take the admin server down.
 *
 * @param enabled {@code admin.enableServer}, default true
 * @param address {@code admin.serverAddress}, default {@code 0.0.0.0} (all interfaces, as in Apache)
 * @param port {@code admin.serverPort}, default 8080; 0 picks a free port
 * @param commandUrl {@code admin.commandURL}, default {@code /commands}; always starts with '/' and has no
 *     trailing '/' (so "/" becomes "")
 * @param tls HTTPS ({@code admin.forceHttps}, {@code admin.portUnification} and their stores), null for plain HTTP
 */
public record AdminSettings(boolean enabled, String address, int port, String commandUrl, AdminTls tls) {

    public static final String ENABLE_SERVER = "admin.enableServer";
    public static final String SERVER_ADDRESS = "admin.serverAddress";
    public static final String SERVER_PORT = "admin.serverPort";
    public static final String COMMAND_URL = "admin.commandURL";

    public static final String DEFAULT_ADDRESS = "0.0.0.0";
    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_COMMAND_URL = "/commands";

    private static final Logger LOG = LoggerFactory.getLogger(AdminSettings.class);

    /** Plain HTTP. */
    public AdminSettings(boolean enabled, String address, int port, String commandUrl) {
        this(enabled, address, port, commandUrl, null);
    }

    public static AdminSettings from(Map<String, String> properties) {
        return new AdminSettings(
                parseBoolean(properties.get(ENABLE_SERVER)),
                nonBlank(properties.get(SERVER_ADDRESS), DEFAULT_ADDRESS),
                parsePort(properties.get(SERVER_PORT)),
                normalizeUrl(nonBlank(properties.get(COMMAND_URL), DEFAULT_COMMAND_URL)),
                AdminTls.from(key -> setting(properties, key)));
    }

    /** A HTTPS key from zoo.cfg or, as Apache reads them, from {@code -Dzookeeper.<key>}; blank reads as unset. */
    private static String setting(Map<String, String> properties, String key) {
        String value = properties.get(key);
        value = value != null ? value : System.getProperty("zookeeper." + key);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static boolean parseBoolean(String value) {
        if (value == null || value.isBlank()) {
            return true;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                LOG.warn("{}={} is not true or false; the admin server stays enabled", ENABLE_SERVER, value);
                yield true;
            }
        };
    }

    private static int parsePort(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below, like an out-of-range number
        }
        LOG.warn("{}={} is not a port 0-65535; using {}", SERVER_PORT, value, DEFAULT_PORT);
        return DEFAULT_PORT;
    }

    private static String nonBlank(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    static String normalizeUrl(String url) {
        String path = url.startsWith("/") ? url : "/" + url;
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }
}
