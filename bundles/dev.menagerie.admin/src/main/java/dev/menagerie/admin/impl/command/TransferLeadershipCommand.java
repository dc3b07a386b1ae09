package dev.menagerie.admin.impl.command;

import dev.menagerie.api.status.LeadershipTransfer;
import dev.menagerie.api.status.ServerStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code transfer_leadership?target=<sid>} (Menagerie's own, POST): moves leadership from this leader to the
 * voting follower {@code target} for planned maintenance, authenticated as {@code snapshot} and {@code restore}
 * are ({@link AdminAuthorization}). Answers {@code transferred}, {@code target}, {@code new_leader},
 * {@code handover_ms} and {@code message}; a refused transfer (not the leader, target unknown, not a connected
 * voting follower, one under way, or the target did not catch up) answers 200 with {@code transferred: false} and
 * the reason in {@code error}.
 */
public final class TransferLeadershipCommand implements AdminCommand {

    static final String NAME = "transfer_leadership";
    static final String TARGET = "target";
    /** Bounds the wait for the outcome: the catch-up (syncLimit) plus an election, with room to spare. */
    public static final long OUTCOME_TIMEOUT_MS = 30_000;

    private static final Logger LOG = LoggerFactory.getLogger(TransferLeadershipCommand.class);

    @Override
    public String primaryName() {
        return NAME;
    }

    @Override
    public Set<String> names() {
        return Set.of(NAME);
    }

    /** Authentication is checked for either method first, as for restore. */
    @Override
    public Set<String> methods() {
        return Set.of(CommandRequest.GET, CommandRequest.POST);
    }

    @Override
    public CommandResponse run(CommandRequest request) {
        Optional<CommandResponse> refusal = AdminAuthorization.refusal(NAME, request, CommandRequest.POST);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        String target = request.parameters().get(TARGET);
        long sid;
        try {
            sid = Long.parseLong(target == null ? "" : target.trim());
        } catch (NumberFormatException e) {
            return CommandResponse.failed(NAME, CommandResponse.HTTP_BAD_REQUEST,
                    "the query parameter target must be the server id to hand the leadership to");
        }
        LOG.info("Admin command {}: {} asks to hand the leadership to server {}", NAME, request.remoteAddress(), sid);
        LeadershipTransfer outcome = transfer(request.server(), sid, OUTCOME_TIMEOUT_MS);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("transferred", outcome.transferred());
        fields.put("target", outcome.targetSid());
        fields.put("new_leader", outcome.newLeaderSid());
        fields.put("handover_ms", outcome.handoverMs());
        fields.put("message", outcome.message());
        return new CommandResponse(NAME, outcome.transferred() ? null : outcome.message(), CommandResponse.HTTP_OK,
                fields);
    }

    /** Asks the server to transfer and waits for the outcome, at most {@code timeoutMs}; for Gogo too. */
    public static LeadershipTransfer transfer(ServerStatus server, long targetSid, long timeoutMs) {
        try {
            return server.transferLeadership(targetSid).toCompletableFuture().get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new LeadershipTransfer(false, targetSid, -1, -1, "no outcome within " + timeoutMs + " ms; check"
                    + " the leader with the 'leader' command");
        } catch (ExecutionException e) {
            LOG.warn("Leadership transfer to server {} failed: {}", targetSid, e.getCause().toString());
            return LeadershipTransfer.refused(targetSid, "failed: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return LeadershipTransfer.refused(targetSid, "interrupted while waiting for the outcome");
        }
    }
}
