package dev.menagerie.admin.impl.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.menagerie.admin.testing.FakeServerStatus;
import dev.menagerie.api.status.LeadershipTransfer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code transfer_leadership}: authenticated as restore is, a POST with a target, answering the outcome. */
class TransferLeadershipCommandTest {

    private final FakeServerStatus status = new FakeServerStatus();
    private final CommandRegistry registry = new CommandRegistry(List.of(new TransferLeadershipCommand()),
            () -> status);

    private CommandResponse run(String method, String authorization, Map<String, String> query) {
        return registry.run("transfer_leadership", new CommandRequest(method, query, authorization, "10.1.2.3",
                null));
    }

    @Test
    void withoutCredentialsOrAsAGetNothingIsTransferred() {
        assertEquals(401, run(CommandRequest.POST, null, Map.of("target", "2")).httpStatus());
        assertEquals(405, run(CommandRequest.GET, "ip", Map.of("target", "2")).httpStatus());
        assertEquals(400, run(CommandRequest.POST, "ip", Map.of("target", "two")).httpStatus());
        assertEquals(List.of(), status.transferTargets);
    }

    @Test
    void answersTheOutcomeWithTheHandoverTime() {
        status.transferOutcome = new LeadershipTransfer(true, 2, 2, 42, "server 2 was elected leader");
        CommandResponse response = run(CommandRequest.POST, "ip", Map.of("target", "2"));
        assertEquals(200, response.httpStatus());
        assertNull(response.error());
        assertEquals(List.of(2L), status.transferTargets);
        assertEquals(true, response.fields().get("transferred"));
        assertEquals(2L, response.fields().get("new_leader"));
        assertEquals(42L, response.fields().get("handover_ms"));
    }

    @Test
    void aRefusalSaysWhy() {
        status.transferOutcome = LeadershipTransfer.refused(3, "server 3 is not a voting member");
        CommandResponse response = run(CommandRequest.POST, "ip", Map.of("target", "3"));
        assertEquals(200, response.httpStatus());
        assertEquals(false, response.fields().get("transferred"));
        assertEquals("server 3 is not a voting member", response.error());
    }
}
