package dev.menagerie.server.impl.audit;

import dev.menagerie.protocol.Perms;
import dev.menagerie.protocol.data.ACL;
import java.util.List;
import java.util.Locale;

/**
 * One audit event. {@link #line()} is the text Apache ZooKeeper 3.9 writes for it, which operators' tools parse:
 * {@code key=value} pairs joined by tabs, in the order session, user, ip, operation, znode, znode_type, acl, with
 * absent (null) fields left out, then always {@code result}.
 */
public record AuditRecord(String session, String user, String ip, String operation, String znode,
        String znodeType, String acl, Result result) {

    /** How the audited operation ended; {@code invoked} is for a stop that is only under way. */
    public enum Result {
        SUCCESS, FAILURE, INVOKED;

        String text() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** An event of the server itself (start, stop): only the user the server runs as, and the outcome. */
    static AuditRecord ofServer(String user, String operation, Result result) {
        return new AuditRecord(null, user, null, operation, null, null, null, result);
    }

    public String line() {
        StringBuilder line = new StringBuilder(128);
        append(line, "session", session);
        append(line, "user", user);
        append(line, "ip", ip);
        append(line, "operation", operation);
        append(line, "znode", znode);
        append(line, "znode_type", znodeType);
        append(line, "acl", acl);
        append(line, "result", result.text());
        return line.toString();
    }

    private static void append(StringBuilder line, String key, String value) {
        if (value == null) {
            return;
        }
        if (!line.isEmpty()) {
            line.append('\t');
        }
        line.append(key).append('=').append(value);
    }

    /** A session id as the audit log prints it: {@code 0x} and lower-case hex without leading zeros. */
    public static String sessionText(long sessionId) {
        return "0x" + Long.toHexString(sessionId);
    }

    /**
     * An ACL list as Apache's audit log prints it: {@code scheme:id:perms} per entry, perms in the order cdrwa.
     * Entries follow each other with no separator at all; that is what Apache writes, and parsers expect it.
     */
    public static String aclText(List<ACL> acl) {
        StringBuilder text = new StringBuilder();
        for (ACL entry : acl) {
            text.append(entry.id().scheme()).append(':').append(entry.id().id()).append(':')
                    .append(permText(entry.perms()));
        }
        return text.toString();
    }

    private static String permText(int perms) {
        StringBuilder text = new StringBuilder(5);
        appendIf(text, perms, Perms.CREATE, 'c');
        appendIf(text, perms, Perms.DELETE, 'd');
        appendIf(text, perms, Perms.READ, 'r');
        appendIf(text, perms, Perms.WRITE, 'w');
        appendIf(text, perms, Perms.ADMIN, 'a');
        return text.toString();
    }

    private static void appendIf(StringBuilder text, int perms, int bit, char letter) {
        if ((perms & bit) != 0) {
            text.append(letter);
        }
    }
}
