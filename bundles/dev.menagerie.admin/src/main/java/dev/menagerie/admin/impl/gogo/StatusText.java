package dev.menagerie.admin.impl.gogo;

import dev.menagerie.admin.impl.runtime.RuntimeStatus;
import java.util.List;
import java.util.StringJoiner;

/** {@link RuntimeStatus} as text for the shell: the same facts as {@code runtime_status}, one per line. */
final class StatusText {

    private StatusText() {
    }

    static String format(RuntimeStatus status) {
        StringBuilder text = new StringBuilder();
        line(text, "mode", status.mode());
        line(text, "server", status.serverState() == null ? "(not running)" : status.serverState());
        line(text, "config file", status.configFile() == null ? "(none)"
                : status.configFile() + " (revision " + status.configRevision() + ")");
        line(text, "bundles", status.bundlesActive() + " of " + status.bundlesTotal() + " active");
        line(text, "strategies", strategies(status));
        list(text, "inactive bundles", status.inactiveBundles());
        list(text, "unsatisfied components", status.unsatisfiedComponents());
        list(text, "waiting for configuration", status.waitingComponents());
        list(text, "missing strategies", status.missingStrategies());
        return text.toString();
    }

    private static String strategies(RuntimeStatus status) {
        if (status.strategies().isEmpty()) {
            return "(none)";
        }
        StringJoiner joined = new StringJoiner(" ");
        status.strategies().forEach((reference, type) -> joined.add(reference + "=" + type));
        return joined.toString();
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format("%-12s %s%n", label + ":", value));
    }

    private static void list(StringBuilder text, String label, List<String> items) {
        text.append(label).append(": ").append(items.isEmpty() ? "none" : items.size()).append(System.lineSeparator());
        for (String item : items) {
            text.append("  ").append(item).append(System.lineSeparator());
        }
    }
}
