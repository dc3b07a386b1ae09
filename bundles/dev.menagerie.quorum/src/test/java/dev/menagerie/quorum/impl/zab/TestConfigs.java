package dev.menagerie.quorum.impl.zab;

import dev.menagerie.api.config.ServerConfig;
import java.lang.reflect.Proxy;
import java.util.Map;

/** Server configurations for the Zab tests: only what the runners and their effects read answers. */
final class TestConfigs {

    private TestConfigs() {
    }

    /** tickTime, initLimit and syncLimit as given, no extra properties; any other method throws. */
    static ServerConfig zab(int tickMs, int initLimitTicks, int syncLimitTicks) {
        return zab(tickMs, initLimitTicks, syncLimitTicks, Map.of());
    }

    /** The same with zoo.cfg keys the quorum reads itself ({@code commitLogCount}, {@code snapshotSizeFactor}). */
    static ServerConfig zab(int tickMs, int initLimitTicks, int syncLimitTicks, Map<String, String> properties) {
        return (ServerConfig) Proxy.newProxyInstance(ServerConfig.class.getClassLoader(),
                new Class<?>[] {ServerConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "tickTimeMs" -> tickMs;
                    case "initLimitTicks" -> initLimitTicks;
                    case "syncLimitTicks" -> syncLimitTicks;
                    case "properties" -> properties;
                    case "toString" -> "zab(" + tickMs + ", " + initLimitTicks + ", " + syncLimitTicks + ")";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
