package dev.menagerie.server.impl.audit;

/**
 * Reads the audit keys. Apache instantiates whatever audit logger class {@code audit.impl.class} names; we load no
 * classes by name, so the only value accepted is Apache's default SLF4J logger, which is what we write to anyway.
 * Any other value is refused even while auditing is off, so that turning it on later cannot fail.
 */
public final class AuditSettings {

    public static final String ENABLE_KEY = "audit.enable";
    public static final String IMPL_CLASS_KEY = "audit.impl.class";

    private AuditSettings() {
    }

    /**
     * @param enable    the {@code audit.enable} value, null when unset
     * @param implClass the {@code audit.impl.class} value, null when unset
     * @throws IllegalArgumentException naming the key, for an audit logger class we cannot provide
     */
    public static boolean enabled(String enable, String implClass) {
        if (implClass != null && !implClass.isBlank() && !implClass.trim().equals(AuditLog.LOGGER_NAME)) {
            throw new IllegalArgumentException(IMPL_CLASS_KEY + "=" + implClass.trim() + " is not supported: only "
                    + AuditLog.LOGGER_NAME + " (the default) is, because Menagerie loads no classes by name");
        }
        // Apache reads it with Boolean.getBoolean: "true" in any case is on, anything else off.
        return enable != null && Boolean.parseBoolean(enable.trim());
    }
}
