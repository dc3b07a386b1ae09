package dev.menagerie.admin.impl.gogo;

import dev.menagerie.api.status.SessionsStatus;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code menagerie:sessions}: each session with the time left before it expires and its ephemeral nodes. */
final class SessionsText {

    private SessionsText() {
    }

    static String format(SessionsStatus sessions, long nowMs) {
        Map<Long, Long> expiresAt = new TreeMap<>();
        sessions.expiringAtMs().forEach((atMs, ids) -> ids.forEach(id -> expiresAt.put(id, atMs)));
        StringBuilder text = new StringBuilder();
        text.append(Counted.of(sessions.sessionCount(), "session")).append(System.lineSeparator());
        expiresAt.forEach((id, atMs) -> {
            List<String> ephemerals = sessions.ephemeralsBySession().getOrDefault(id, List.of());
            text.append("  0x").append(Long.toHexString(id)).append(" expires in ")
                    .append(Math.max(0, atMs - nowMs)).append(" ms unless the client is heard from, ")
                    .append(Counted.of(ephemerals.size(), "ephemeral")).append(System.lineSeparator());
            ephemerals.forEach(path -> text.append("    ").append(path).append(System.lineSeparator()));
        });
        return text.toString();
    }
}
