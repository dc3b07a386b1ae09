package dev.menagerie.admin.impl.command;

import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/** {@code system_properties} ({@code sysp}): every system property of the JVM, sorted by name. */
public final class SystemPropertiesCommand implements AdminCommand {

    private final Supplier<Properties> properties;

    public SystemPropertiesCommand(Supplier<Properties> properties) {
        this.properties = properties;
    }

    @Override
    public String primaryName() {
        return "system_properties";
    }

    @Override
    public Set<String> names() {
        return Set.of("system_properties", "sysp");
    }

    /** Apache answers it without a running server. */
    @Override
    public boolean needsServer() {
        return false;
    }

    @Override
    public CommandResponse run(CommandRequest request) {
        Properties current = properties.get();
        Map<String, Object> sorted = new TreeMap<>();
        for (String name : current.stringPropertyNames()) {
            sorted.put(name, current.getProperty(name));
        }
        return CommandResponse.ok(primaryName(), sorted);
    }
}
