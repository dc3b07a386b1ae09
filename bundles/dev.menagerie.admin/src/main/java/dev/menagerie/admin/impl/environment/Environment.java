package dev.menagerie.admin.impl.environment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The facts about the JVM and host that Apache ZooKeeper's {@code envi} word and {@code environment} command list,
 * with its keys in its order.
 */
public final class Environment {

    /** Apache's placeholder for a value that is not available. */
    public static final String NOT_AVAILABLE = "<NA>";

    private static final String[] SYSTEM_PROPERTY_KEYS = {
        "java.version", "java.vendor", "java.home", "java.class.path", "java.library.path", "java.io.tmpdir",
        "java.compiler", "os.name", "os.arch", "os.version", "user.name", "user.home", "user.dir"
    };
    private static final long BYTES_PER_MIB = 1024L * 1024L;

    private final Supplier<String> hostName;
    private final Function<String, String> systemProperty;

    /**
     * @param hostName the canonical host name (may be slow: callers pass a memoizing supplier)
     * @param systemProperty reads a system property; null when unset
     */
    public Environment(Supplier<String> hostName, Function<String, String> systemProperty) {
        this.hostName = hostName;
        this.systemProperty = systemProperty;
    }

    /** The environment of this JVM. */
    public static Environment ofThisJvm() {
        return new Environment(new CanonicalHostName(), System::getProperty);
    }

    /** Key to value, in Apache's order, starting with {@code zookeeper.version}. */
    public Map<String, String> fields(String serverVersion) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("zookeeper.version", serverVersion);
        fields.put("host.name", hostName.get());
        for (String key : SYSTEM_PROPERTY_KEYS) {
            String value = systemProperty.apply(key);
            fields.put(key, value != null ? value : NOT_AVAILABLE);
        }
        Runtime runtime = Runtime.getRuntime();
        fields.put("os.memory.free", runtime.freeMemory() / BYTES_PER_MIB + "MB");
        fields.put("os.memory.max", runtime.maxMemory() / BYTES_PER_MIB + "MB");
        fields.put("os.memory.total", runtime.totalMemory() / BYTES_PER_MIB + "MB");
        return fields;
    }
}
