package dev.menagerie.admin.impl.fourletter;

import dev.menagerie.api.status.SessionsStatus;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;

/**
 * The text of {@code dump}: the session expiry sets and the ephemeral nodes of each session, as Apache's leader
 * and standalone server print them. The connection section stays empty, as Apache's does on its Netty client
 * port (only its NIO factory lists connection expiry sets there).
 */
final class SessionText {

    private SessionText() {
    }

    static String dump(SessionsStatus sessions) {
        StringBuilder out = new StringBuilder("SessionTracker dump:\n");
        out.append("Session Sets (").append(sessions.expiringAtMs().size()).append(")/(")
                .append(sessions.sessionCount()).append("):\n");
        // Date#toString's layout, in the JVM's zone, as Apache prints it; not thread-safe, hence one per call.
        SimpleDateFormat format = new SimpleDateFormat("EEE MMM dd HH:mm:ss zzz yyyy", Locale.ROOT);
        sessions.expiringAtMs().forEach((timeMs, ids) -> {
            out.append(ids.size()).append(" expire at ").append(format.format(new Date(timeMs))).append(":\n");
            ids.forEach(id -> out.append("\t0x").append(Long.toHexString(id)).append('\n'));
        });
        out.append("ephemeral nodes dump:\n");
        out.append("Sessions with Ephemerals (").append(sessions.ephemeralsBySession().size()).append("):\n");
        sessions.ephemeralsBySession().forEach((id, paths) -> {
            out.append("0x").append(Long.toHexString(id)).append(":\n");
            paths.forEach(path -> out.append('\t').append(path).append('\n'));
        });
        out.append("Connections dump:\n");
        return out.toString();
    }
}
