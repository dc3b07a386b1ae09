package dev.menagerie.admin.impl.command;

import java.util.Map;
import java.util.Set;

/** {@code ruok}: answers with no error while the server serves, as Apache ZooKeeper's does. */
public final class RuokCommand implements AdminCommand {

    @Override
    public String primaryName() {
        return "ruok";
    }

    @Override
    public Set<String> names() {
        return Set.of("ruok");
    }

    @Override
    public CommandResponse run(CommandRequest request) {
        return CommandResponse.ok(primaryName(), Map.of());
    }
}
