package dev.menagerie.storage.file.tool;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.DateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * One logged transaction as Apache ZooKeeper's {@code TxnLogToolkit} prints it:
 * {@code <time> session 0x<id> cxid 0x<cxid> zxid 0x<zxid> <operation> <details>}. Creates, data changes and
 * multis get Apache's own comma-separated details; the other transactions are printed as Apache's jute records
 * print themselves ({@code ToStringOutputArchive}: strings quoted with a leading {@code '}, records in
 * {@code s{...}}, vectors in {@code v{...}}, a newline at the end).
 */
final class TxnText {

    /** Apache's ZooDefs.OpCode names, as its {@code Request.op2String} prints them. */
    private static final Map<Integer, String> OPERATIONS = Map.ofEntries(Map.entry(0, "notification"),
            Map.entry(1, "create"), Map.entry(2, "delete"), Map.entry(3, "exists"), Map.entry(4, "getData"),
            Map.entry(5, "setData"), Map.entry(6, "getACL"), Map.entry(7, "setACL"), Map.entry(8, "getChildren"),
            Map.entry(9, "sync"), Map.entry(11, "ping"), Map.entry(12, "getChildren2"), Map.entry(13, "check"),
            Map.entry(14, "multi"), Map.entry(15, "create2"), Map.entry(16, "reconfig"),
            Map.entry(17, "checkWatches"), Map.entry(18, "removeWatches"), Map.entry(19, "createContainer"),
            Map.entry(20, "deleteContainer"), Map.entry(21, "createTTL"), Map.entry(22, "multiRead"),
            Map.entry(100, "auth"), Map.entry(101, "setWatches"), Map.entry(102, "sasl"),
            Map.entry(103, "getEphemerals"), Map.entry(104, "getAllChildrenNumber"), Map.entry(105, "setWatches2"),
            Map.entry(106, "addWatch"), Map.entry(107, "whoAmI"), Map.entry(-10, "createSession"),
            Map.entry(-11, "closeSession"), Map.entry(-1, "error"));
    /** jute's default maximum record length (jute.maxbuffer) plus the 1024 bytes Apache allows on top. */
    private static final int MAX_LENGTH = 0xfffff + 1024;

    private TxnText() {
    }

    static String operation(int type) {
        return OPERATIONS.getOrDefault(type, "unknown " + type);
    }

    /** The line for one entry's bytes (header, transaction, optional digest), without a trailing newline added. */
    static String line(byte[] entry) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(entry));
        long session = in.readLong();
        int cxid = in.readInt();
        long zxid = in.readLong();
        long time = in.readLong();
        int type = in.readInt();
        String details = details(type, entry, in);
        return String.format("%s session 0x%s cxid 0x%s zxid 0x%s %s %s",
                DateFormat.getDateTimeInstance(DateFormat.SHORT, DateFormat.LONG).format(new Date(time)),
                Long.toHexString(session), Long.toHexString(cxid), Long.toHexString(zxid), operation(type),
                details);
    }

    private static String details(int type, byte[] entry, DataInputStream in) throws IOException {
        switch (type) {
            case 1, 15 -> {
                // A create logged before parentCVersion existed (3.3) ends early: Apache reads it again without it.
                in.mark(entry.length);
                try {
                    return create(in, true, false, false);
                } catch (EOFException v0) {
                    in.reset();
                    return create(in, false, false, false);
                }
            }
            case 19 -> {
                return create(in, false, true, false);
            }
            case 21 -> {
                return create(in, false, true, true);
            }
            case 5, 16 -> {
                return readString(in) + "," + text(readBuffer(in)) + "," + in.readInt();
            }
            case 14 -> {
                return multi(in);
            }
            case 2, 20 -> {
                return new Record().string(readString(in)).end();
            }
            case 7 -> {
                return new Record().string(readString(in)).acls(readAcls(in)).number(in.readInt()).end();
            }
            case -10, -1 -> {
                return new Record().number(in.readInt()).end();
            }
            case -11 -> {
                return closeSession(in);
            }
            default -> throw new IOException("Unsupported Txn with type=" + type);
        }
    }

    /** Apache's create forms: path, data, ACL list, then ephemeral and/or parentCVersion, then a TTL. */
    private static String create(DataInputStream in, boolean ephemeralAndVersion, boolean versionOnly, boolean ttl)
            throws IOException {
        String path = readString(in);
        byte[] data = readBuffer(in);
        List<Acl> acl = readAcls(in);
        StringBuilder text = new StringBuilder().append(path).append(',').append(text(data)).append(',')
                .append(acl == null ? "null" : acl.toString());
        if (versionOnly) {
            text.append(',').append(in.readInt());
            if (ttl) {
                text.append(',').append(in.readLong());
            }
        } else {
            text.append(',').append(in.readBoolean());
            text.append(',').append(ephemeralAndVersion ? in.readInt() : -1);
        }
        return text.toString();
    }

    private static String multi(DataInputStream in) throws IOException {
        int count = in.readInt();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int type = in.readInt();
            text.append(i == 0 ? "" : ";").append(operation(type)).append(':').append(text(readBuffer(in)));
        }
        return text.toString();
    }

    /** The paths a session's close deletes; a close logged before 3.6 has none, and Apache prints nothing then. */
    private static String closeSession(DataInputStream in) throws IOException {
        try {
            int count = in.readInt();
            List<String> paths = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                paths.add(readString(in));
            }
            return new Record().strings(count < 0 ? null : paths).end();
        } catch (EOFException old) {
            return "";
        }
    }

    private static String text(byte[] data) {
        return data == null || data.length == 0 ? "" : new String(data, StandardCharsets.UTF_8);
    }

    private static List<Acl> readAcls(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0) {
            return null;
        }
        List<Acl> acls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            acls.add(new Acl(in.readInt(), readString(in), readString(in)));
        }
        return acls;
    }

    static String readString(DataInputStream in) throws IOException {
        byte[] bytes = readBuffer(in);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    static byte[] readBuffer(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length < -1 || length > MAX_LENGTH) {
            throw new IOException("Unreasonable length = " + length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    /** An ACL entry; {@link #toString} is its jute record text, as Apache's {@code ACL.toString()}. */
    private record Acl(int perms, String scheme, String id) {
        @Override
        public String toString() {
            return new Record().number(perms).open().string(scheme).string(id).close().end();
        }
    }

    /** Apache's {@code ToStringOutputArchive}, for the few shapes the transactions need. */
    private static final class Record {
        private final StringBuilder text = new StringBuilder();
        private boolean first = true;

        private Record field(String value) {
            text.append(first ? "" : ",").append(value);
            first = false;
            return this;
        }

        Record number(long value) {
            return field(Long.toString(value));
        }

        Record string(String value) {
            return field(escape(value));
        }

        Record open() {
            field("s{");
            first = true;
            return this;
        }

        Record close() {
            text.append('}');
            first = false;
            return this;
        }

        Record acls(List<Acl> acls) {
            field("v{");
            first = true;
            for (Acl acl : acls == null ? List.<Acl>of() : acls) {
                open().number(acl.perms()).open().string(acl.scheme()).string(acl.id()).close().close();
            }
            return close();
        }

        Record strings(List<String> values) {
            field("v{");
            first = true;
            for (String value : values == null ? List.<String>of() : values) {
                string(value);
            }
            return close();
        }

        String end() {
            return text.append('\n').toString();
        }

        private static String escape(String value) {
            if (value == null) {
                return "";
            }
            StringBuilder escaped = new StringBuilder(value.length() + 1).append('\'');
            for (char c : value.toCharArray()) {
                switch (c) {
                    case '\0' -> escaped.append("%00");
                    case '\n' -> escaped.append("%0A");
                    case '\r' -> escaped.append("%0D");
                    case ',' -> escaped.append("%2C");
                    case '}' -> escaped.append("%7D");
                    case '%' -> escaped.append("%25");
                    default -> escaped.append(c);
                }
            }
            return escaped.toString();
        }
    }
}
