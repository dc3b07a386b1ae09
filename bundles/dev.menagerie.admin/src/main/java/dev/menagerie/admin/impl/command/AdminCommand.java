package dev.menagerie.admin.impl.command;

import java.util.Set;

/** One command of the admin server, reachable as {@code <commandURL>/<name>} under any of its names. */
public interface AdminCommand {

    /** The methods of most commands; HEAD is served as a GET without the body. */
    Set<String> GET_ONLY = Set.of(CommandRequest.GET);

    /** The name reported in the response's {@code "command"} field and listed in the command index. */
    String primaryName();

    /** Every name the command answers to: the primary name and Apache ZooKeeper's aliases. */
    Set<String> names();

    /**
     * Whether the command reports on the running server: while none serves, the registry answers Apache
     * ZooKeeper's "not currently serving requests" error instead of running it.
     */
    default boolean needsServer() {
        return true;
    }

    /** The HTTP methods the command takes, as Apache's GET and POST commands do. */
    default Set<String> methods() {
        return GET_ONLY;
    }

    /** Runs the command; expected failures are reported in the response, never thrown. */
    CommandResponse run(CommandRequest request);
}
