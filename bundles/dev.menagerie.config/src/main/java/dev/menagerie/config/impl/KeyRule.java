package dev.menagerie.config.impl;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What Menagerie does with one key Apache ZooKeeper 3.9 honours (or a family of them, when {@link #name} ends with
 * a dot): implement it, refuse to start with it, or ignore it with one warning. A refused or warned key whose
 * value is one of {@link #inertValues} needs no line, because that value asks for what Menagerie does anyway
 * ({@code sslQuorum=false}).
 *
 * @param name the zoo.cfg key, or a prefix ending with {@code .} or {@code _} for a family ({@code ssl.quorum.})
 * @param support the class of the key
 * @param why for refused and warned keys, the rest of the one line (what is missing, what happens instead)
 * @param inertValues lower-case values that need no line; empty means every value does (unless inertPattern)
 * @param inertPattern values (as given) that need no line either, or null
 */
record KeyRule(String name, Support support, String why, Set<String> inertValues, Pattern inertPattern) {

    /** The three answers to a key the rule "nothing accepted and ignored" allows. */
    enum Support {
        /** Read and honoured. */
        IMPLEMENTED,
        /** A value other than the inert ones stops the start with one line naming the key. */
        REFUSED,
        /** Ignored with one WARN line naming the key; only where ignoring weakens no security and loses no data. */
        WARNED
    }

    KeyRule {
        assert support == Support.IMPLEMENTED || !why.isEmpty() : "a refused or warned key says why: " + name;
        inertValues = Set.copyOf(inertValues);
    }

    boolean isFamily() {
        return name.endsWith(".") || name.endsWith("_");
    }

    boolean covers(String key) {
        return isFamily() ? key.startsWith(name) : key.equals(name);
    }

    /** True when this value of the key needs a refusal or a warning. */
    boolean needsLine(String value) {
        String trimmed = value.trim();
        return support != Support.IMPLEMENTED && !inertValues.contains(trimmed.toLowerCase(Locale.ROOT))
                && (inertPattern == null || !inertPattern.matcher(trimmed).matches());
    }
}
