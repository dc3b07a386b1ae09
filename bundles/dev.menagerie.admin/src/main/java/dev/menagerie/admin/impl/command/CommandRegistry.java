package dev.menagerie.admin.impl.command;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds a command by any of its names and runs it. */
public final class CommandRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(CommandRegistry.class);

    private final Map<String, AdminCommand> byName = new HashMap<>();
    private final List<String> primaryNames = new ArrayList<>();

    public CommandRegistry(List<AdminCommand> commands) {
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

    /**
     * Runs the named command. An unknown name answers 404 with Apache ZooKeeper's message; a command that throws
     * answers 500, because a bug in one command must not take the admin server down.
     */
    public CommandResponse run(String name) {
        AdminCommand command = byName.get(name);
        if (command == null) {
            return CommandResponse.failed(name, CommandResponse.HTTP_NOT_FOUND, "Unknown command: " + name);
        }
        try {
            return command.run();
        } catch (RuntimeException e) {
            LOG.warn("Admin command {} failed", command.primaryName(), e);
            return CommandResponse.failed(command.primaryName(), CommandResponse.HTTP_INTERNAL_ERROR,
                    "Command failed: " + e);
        }
    }
}
