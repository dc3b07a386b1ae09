package dev.menagerie.config.impl;

import dev.menagerie.config.impl.KeyRule.Support;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Holds one zoo.cfg, and the JVM system properties Apache ZooKeeper would read beside it, to {@link KeyRules}:
 * the first refused key ends parsing with one line naming it, and every warned key adds one warning. A system
 * property counts only where Apache reads it ({@code -Dzookeeper.<key>}, or the bare name for the few keys Apache
 * reads without the prefix) and only when zoo.cfg does not set the key itself.
 */
final class KeyRuleCheck {

    static final String PROPERTY_PREFIX = "zookeeper.";
    /** Keys Apache reads from JVM properties of the same name, without the {@code zookeeper.} prefix. */
    static final Set<String> BARE_PROPERTIES = Set.of("jute.maxbuffer", "readonlymode.enabled",
            "znode.container.checkIntervalMs", "znode.container.maxNeverUsedIntervalMs",
            "znode.container.maxPerMinute");

    private final Settings settings;
    private final List<String> warnings;

    KeyRuleCheck(Settings settings, List<String> warnings) {
        this.settings = settings;
        this.warnings = warnings;
    }

    void check(Map<String, String> jvmProperties) throws ConfigException {
        for (ConfigLine line : settings.lines().values()) {
            Optional<KeyRule> rule = KeyRules.find(line.key());
            if (rule.isPresent()) {
                apply(rule.get(), settings.fromFile(line.key()).orElseThrow());
            }
        }
        for (Map.Entry<String, String> property : new TreeMap<>(jvmProperties).entrySet()) {
            Optional<String> key = keyReadFrom(property.getKey());
            if (key.isEmpty() || settings.lines().containsKey(key.get())) {
                continue;
            }
            Optional<KeyRule> rule = KeyRules.find(key.get());
            if (rule.isPresent()) {
                apply(rule.get(), new Setting(key.get(), property.getValue().trim(),
                        settings.fileName() + ": -D" + property.getKey()));
            }
        }
    }

    /** The zoo.cfg key an Apache server reads from this JVM property, if it reads one. */
    static Optional<String> keyReadFrom(String propertyName) {
        if (BARE_PROPERTIES.contains(propertyName)) {
            return Optional.of(propertyName);
        }
        if (!propertyName.startsWith(PROPERTY_PREFIX)) {
            return Optional.empty();
        }
        String key = propertyName.substring(PROPERTY_PREFIX.length());
        return KeyCatalog.fileOnly(key) || key.equals("readonlymode.enabled") ? Optional.empty() : Optional.of(key);
    }

    private void apply(KeyRule rule, Setting setting) throws ConfigException {
        if (!rule.needsLine(setting.value())) {
            return;
        }
        if (rule.support() == Support.REFUSED) {
            throw setting.error("not supported by Menagerie: " + rule.why() + "; " + remedy(rule));
        }
        warnings.add(setting.origin() + ": " + setting.key() + ": not supported by Menagerie, ignored: "
                + rule.why());
    }

    private static String remedy(KeyRule rule) {
        if (rule.inertValues().isEmpty() || rule.inertValues().size() > 2) {
            return "remove it to start";
        }
        return "remove it, or set it to " + String.join(" or ", new TreeSet<>(rule.inertValues())) + ", to start";
    }
}
