package dev.menagerie.config.impl;

import java.util.Optional;

/** {@code minSessionTimeout}/{@code maxSessionTimeout}: 2 and 20 ticks unless set; -1 also means the default. */
record SessionTimeouts(int minMs, int maxMs) {

    static final int DEFAULT_MIN_TICKS = 2;
    static final int DEFAULT_MAX_TICKS = 20;

    static SessionTimeouts read(Settings settings, int tickTimeMs) throws ConfigException {
        int min = timeout(settings, "minSessionTimeout", (long) tickTimeMs * DEFAULT_MIN_TICKS);
        int max = timeout(settings, "maxSessionTimeout", (long) tickTimeMs * DEFAULT_MAX_TICKS);
        if (min > max) {
            String key = settings.fromFile("minSessionTimeout").isPresent() ? "minSessionTimeout"
                    : "maxSessionTimeout";
            throw settings.error(key, "minSessionTimeout (" + min + " ms) must not be larger than"
                    + " maxSessionTimeout (" + max + " ms)");
        }
        return new SessionTimeouts(min, max);
    }

    private static int timeout(Settings settings, String key, long fallbackMs) throws ConfigException {
        Optional<Setting> setting = settings.fromFile(key);
        if (setting.isEmpty() || setting.get().value().equals("-1")) {
            if (fallbackMs > Integer.MAX_VALUE) {
                throw settings.error("tickTime", "too large: " + key + " defaults to a multiple of it and"
                        + " overflows");
            }
            return (int) fallbackMs;
        }
        return Settings.integer(setting.get(), 1, Integer.MAX_VALUE);
    }
}
