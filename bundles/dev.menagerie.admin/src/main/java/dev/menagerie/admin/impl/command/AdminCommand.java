package dev.menagerie.admin.impl.command;

import java.util.Set;

/** One command of the admin server, reachable as {@code <commandURL>/<name>} under any of its names. */
public interface AdminCommand {

    /** The name reported in the response's {@code "command"} field and listed in the command index. */
    String primaryName();

    /** Every name the command answers to: the primary name and Apache ZooKeeper's aliases. */
    Set<String> names();

    /** Runs the command; expected failures are reported in the response, never thrown. */
    CommandResponse run();
}
