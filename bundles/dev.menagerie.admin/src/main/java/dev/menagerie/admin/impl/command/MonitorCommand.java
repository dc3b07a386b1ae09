package dev.menagerie.admin.impl.command;

import dev.menagerie.admin.impl.fourletter.MonitorText;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.status.ServerStatus;
import java.util.Set;
import java.util.function.Supplier;

/** {@code monitor} ({@code mntr}): the values of the four-letter word {@code mntr}, as JSON fields. */
public final class MonitorCommand implements AdminCommand {

    private final Supplier<ServerStatus> server;
    private final MetricsRegistry metrics;

    /** @param server the running server's status, null while no server runs */
    public MonitorCommand(Supplier<ServerStatus> server, MetricsRegistry metrics) {
        this.server = server;
        this.metrics = metrics;
    }

    @Override
    public String primaryName() {
        return "monitor";
    }

    @Override
    public Set<String> names() {
        return Set.of("monitor", "mntr");
    }

    @Override
    public CommandResponse run() {
        ServerStatus status = server.get();
        if (status == null || !status.summary().serving()) {
            return CommandResponse.failed(primaryName(), CommandResponse.HTTP_UNAVAILABLE,
                    "This ZooKeeper instance is not currently serving requests");
        }
        return CommandResponse.ok(primaryName(), MonitorText.values(status, metrics));
    }
}
