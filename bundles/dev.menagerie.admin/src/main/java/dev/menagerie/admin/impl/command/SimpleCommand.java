package dev.menagerie.admin.impl.command;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A command whose whole behaviour is one function of the request: most of Apache ZooKeeper's commands read a few
 * figures from the server's status and nothing else.
 */
final class SimpleCommand implements AdminCommand {

    /** What the command does with a request. */
    @FunctionalInterface
    interface Body {
        CommandResponse run(String primaryName, CommandRequest request);
    }

    private final String primaryName;
    private final Set<String> names;
    private final boolean needsServer;
    private final Body body;

    private SimpleCommand(List<String> names, boolean needsServer, Body body) {
        this.primaryName = names.get(0);
        this.names = Set.copyOf(new LinkedHashSet<>(names));
        this.needsServer = needsServer;
        this.body = body;
    }

    /** A command that reports on the running server; {@code names} starts with the primary name. */
    static SimpleCommand onServer(List<String> names, Body body) {
        return new SimpleCommand(names, true, body);
    }

    /** A command that Apache answers whether or not a server runs. */
    static SimpleCommand always(List<String> names, Body body) {
        return new SimpleCommand(names, false, body);
    }

    @Override
    public String primaryName() {
        return primaryName;
    }

    @Override
    public Set<String> names() {
        return names;
    }

    @Override
    public boolean needsServer() {
        return needsServer;
    }

    @Override
    public CommandResponse run(CommandRequest request) {
        return body.run(primaryName, request);
    }
}
