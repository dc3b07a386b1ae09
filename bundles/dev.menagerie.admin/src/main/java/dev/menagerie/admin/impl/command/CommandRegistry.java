package dev.menagerie.admin.impl.command;

import dev.menagerie.api.status.ServerStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds a command by any of its names and runs it. */
public final class CommandRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(CommandRegistry.class);

    /** Apache ZooKeeper's answer (with HTTP 200) to a command that needs a server while none serves. */
    static final String NOT_SERVING = "This ZooKeeper instance is not currently serving requests";

    private final Map<String, AdminCommand> byName = new HashMap<>();
    private final List<String> primaryNames = new ArrayList<>();
    private final Supplier<ServerStatus> status;

    /** @param status the running server's status, null while no server runs */
    public CommandRegistry(List<AdminCommand> commands, Supplier<ServerStatus> status) {
        this.status = status;
        for (AdminCommand command : commands) {
            for (String name : command.names()) {
                AdminCommand previous = byName.putIfAbsent(name, command);
                if (previous != null) {
                    throw new IllegalArgumentException("two commands are named " + name + ": "
                            + previous.primaryName() + " and " + command.primaryName());
                }
            }
            primaryNames.add(command.primaryName());
        }
        Collections.sort(primaryNames);
    }

    /** The primary names, sorted. */
    public List<String> primaryNames() {
        return Collections.unmodifiableList(primaryNames);
    }

    /** The command answering to {@code name}, empty when none does. */
    public Optional<AdminCommand> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * Runs the named command. As Apache ZooKeeper, an unknown name and a command that needs a server while none
     * serves answer HTTP 200 with the reason in {@code error}; a command that throws answers 500, because a bug in
     * one command must not take the admin server down.
     */
    public CommandResponse run(String name, CommandRequest request) {
        AdminCommand command = byName.get(name);
        if (command == null) {
            return CommandResponse.failed(name, CommandResponse.HTTP_OK, "Unknown command: " + name);
        }
        String method = CommandRequest.HEAD.equals(request.method()) ? CommandRequest.GET : request.method();
        if (!command.methods().contains(method)) {
            return CommandResponse.failed(name, CommandResponse.HTTP_METHOD_NOT_ALLOWED,
                    "Method not allowed: " + method + " (use " + String.join(" or ", command.methods()) + ")");
        }
        ServerStatus server = status.get();
        if (command.needsServer() && (server == null || !server.summary().serving())) {
            return CommandResponse.failed(name, CommandResponse.HTTP_OK, NOT_SERVING);
        }
        try {
            return command.run(request.withServer(server));
        } catch (RuntimeException e) {
            LOG.warn("Admin command {} failed", command.primaryName(), e);
            return CommandResponse.failed(command.primaryName(), CommandResponse.HTTP_INTERNAL_ERROR,
                    "Command failed: " + e);
        }
    }
}
