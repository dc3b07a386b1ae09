package dev.menagerie.admin.impl.command;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code environment} ({@code env}, {@code envi}): the same keys as Apache ZooKeeper's environment list, with
 * {@code menagerie.version} in place of {@code zookeeper.version}.
 */
public final class EnvironmentCommand implements AdminCommand {

    private static final String[] SYSTEM_PROPERTY_KEYS = {
        "java.version", "java.vendor", "java.home", "java.class.path", "java.library.path", "java.io.tmpdir",
        "java.compiler", "os.name", "os.arch", "os.version", "user.name", "user.home", "user.dir"
    };
    private static final long BYTES_PER_MIB = 1024L * 1024L;
    /** Apache's placeholder for a value that is not available. */
    static final String NOT_AVAILABLE = "<NA>";

    private final String serverVersion;
    private final Supplier<String> hostName;
    private final Function<String, String> systemProperty;

    /**
     * @param serverVersion this bundle's version
     * @param hostName the canonical host name (may be slow: callers pass a memoizing supplier)
     * @param systemProperty reads a system property; null when unset
     */
    public EnvironmentCommand(String serverVersion, Supplier<String> hostName,
            Function<String, String> systemProperty) {
        this.serverVersion = serverVersion;
        this.hostName = hostName;
        this.systemProperty = systemProperty;
    }

    @Override
    public String primaryName() {
        return "environment";
    }

    @Override
    public Set<String> names() {
        return Set.of("environment", "env", "envi");
    }

    @Override
    public CommandResponse run() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("menagerie.version", serverVersion);
        fields.put("host.name", hostName.get());
        for (String key : SYSTEM_PROPERTY_KEYS) {
            String value = systemProperty.apply(key);
            fields.put(key, value != null ? value : NOT_AVAILABLE);
        }
        Runtime runtime = Runtime.getRuntime();
        fields.put("os.memory.free", runtime.freeMemory() / BYTES_PER_MIB + "MB");
        fields.put("os.memory.max", runtime.maxMemory() / BYTES_PER_MIB + "MB");
        fields.put("os.memory.total", runtime.totalMemory() / BYTES_PER_MIB + "MB");
        return CommandResponse.ok(primaryName(), fields);
    }
}
