package dev.menagerie.admin.impl.command;

import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code snapshot} ({@code snap}) and {@code restore} ({@code rest}). Apache ZooKeeper 3.9 streams a snapshot and
 * loads one through them, behind authentication. Menagerie does not do either over the admin server yet, so it
 * answers as Apache does with {@code zookeeper.admin.snapshot.enabled=false} and
 * {@code zookeeper.admin.restore.enabled=false}: a request without an {@code Authorization} header is refused
 * first (401), any other gets 503.
 */
final class BackupCommands implements AdminCommand {

    static final String AUTH_MISSING = "Auth info is missing for the command";

    private static final Logger LOG = LoggerFactory.getLogger(BackupCommands.class);

    private final String primaryName;
    private final Set<String> names;
    private final String takenMethod;

    private BackupCommands(String primaryName, String alias, String takenMethod) {
        this.primaryName = primaryName;
        this.names = Set.of(primaryName, alias);
        this.takenMethod = takenMethod;
    }

    static BackupCommands snapshot() {
        return new BackupCommands("snapshot", "snap", CommandRequest.GET);
    }

    static BackupCommands restore() {
        return new BackupCommands("restore", "rest", CommandRequest.POST);
    }

    @Override
    public String primaryName() {
        return primaryName;
    }

    @Override
    public Set<String> names() {
        return names;
    }

    /** Apache checks the authentication of either method before it looks at the method. */
    @Override
    public Set<String> methods() {
        return Set.of(CommandRequest.GET, CommandRequest.POST);
    }

    @Override
    public CommandResponse run(CommandRequest request) {
        if (request.authorization() == null) {
            return CommandResponse.failed(primaryName, CommandResponse.HTTP_UNAUTHORIZED, AUTH_MISSING);
        }
        if (!takenMethod.equals(request.method())) {
            return CommandResponse.failed(primaryName, CommandResponse.HTTP_METHOD_NOT_ALLOWED,
                    "Method not allowed: " + request.method() + " (use " + takenMethod + ")");
        }
        LOG.warn("Admin command {} is disabled: Menagerie does not {} snapshots over the admin server yet",
                primaryName, "snapshot".equals(primaryName) ? "stream" : "load");
        return new CommandResponse(primaryName, null, CommandResponse.HTTP_UNAVAILABLE, Map.of());
    }
}
