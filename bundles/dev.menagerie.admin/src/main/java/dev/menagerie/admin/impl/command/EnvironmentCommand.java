package dev.menagerie.admin.impl.command;

import dev.menagerie.admin.impl.environment.Environment;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code environment} ({@code env}, {@code envi}): Apache ZooKeeper's environment list, whose
 * {@code zookeeper.version} is the server's version as its status reports it.
 */
public final class EnvironmentCommand implements AdminCommand {

    private final Supplier<String> serverVersion;
    private final Environment environment;

    /** @param serverVersion the running server's version, {@code <NA>} while no server runs */
    public EnvironmentCommand(Supplier<String> serverVersion, Environment environment) {
        this.serverVersion = serverVersion;
        this.environment = environment;
    }

    @Override
    public String primaryName() {
        return "environment";
    }

    @Override
    public Set<String> names() {
        return Set.of("environment", "env", "envi");
    }

    /** Apache answers it without a running server. */
    @Override
    public boolean needsServer() {
        return false;
    }

    @Override
    public CommandResponse run(CommandRequest request) {
        return CommandResponse.ok(primaryName(), new LinkedHashMap<>(environment.fields(serverVersion.get())));
    }
}
