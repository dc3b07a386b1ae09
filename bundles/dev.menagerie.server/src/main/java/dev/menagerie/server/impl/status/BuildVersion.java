package dev.menagerie.server.impl.status;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Properties;

/**
 * The version string of this build, from {@code build.properties}, which Maven fills in when it builds the bundle
 * (the Apache version we follow, the project version and {@code maven.build.timestamp}):
 * Apache's format {@code <apache version>-<revision>, built on <yyyy-MM-dd HH:mm> UTC}, with
 * {@code menagerie-<bundle version>} as the revision. Tools (kazoo's {@code server_version}, monitoring scripts)
 * take the Apache version from before the first {@code -}.
 */
public final class BuildVersion {

    static final String RESOURCE = "build.properties";
    /** Apache's layout of the build time; Maven writes it as an ISO-8601 instant. */
    private static final DateTimeFormatter BUILD_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static final String FULL = load();

    private BuildVersion() {
    }

    /** The version string, the same for every call. */
    public static String full() {
        return FULL;
    }

    static String format(Properties build) {
        Instant built = Instant.parse(required(build, "built.utc"));
        return required(build, "apache.version") + "-menagerie-" + required(build, "menagerie.version")
                + ", built on " + BUILD_TIME.format(built) + " UTC";
    }

    private static String load() {
        Properties build = new Properties();
        try (InputStream in = BuildVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the server bundle");
            }
            build.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        return format(build);
    }

    private static String required(Properties build, String key) {
        String value = build.getProperty(key);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException(RESOURCE + " has no " + key + ": the bundle was built without filtering");
        }
        return value.trim();
    }
}
