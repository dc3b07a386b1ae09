package dev.menagerie.server.e2e;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Stat;

/**
 * One scripted run against one server. Clients connect in the order the script first uses them, so session
 * creation consumes the same zxids on every server. After every operation each open client does one round trip,
 * which flushes the watch events the operation caused, and then their lines join the transcript: the transcript
 * is the same on two servers exactly when a client could not tell them apart.
 */
final class Script implements AutoCloseable {

    private final String connectString;
    private final long startedMs = System.currentTimeMillis();
    private final List<String> transcript = new ArrayList<>();
    private final Map<Long, String> sessionNames = new HashMap<>();
    private final Map<Integer, ScriptClient> clients = new HashMap<>();

    Script(String connectString) {
        this.connectString = connectString;
    }

    /** Client {@code n} (1-based), connected on first use. */
    ScriptClient client(int n) {
        ScriptClient client = clients.get(n);
        if (client == null || client.isClosed()) {
            client = new ScriptClient("c" + n, this, connectString);
            clients.put(n, client);
            sessionNames.put(client.zk().getSessionId(), client.name());
            transcript.add(client.name() + " connected");
        }
        return client;
    }

    ScriptClient c1() {
        return client(1);
    }

    ScriptClient c2() {
        return client(2);
    }

    ScriptClient c3() {
        return client(3);
    }

    /** Lets every open client receive what is on its way, then moves their lines to the transcript. */
    void settle() {
        for (ScriptClient client : clients.values()) {
            if (!client.isClosed()) {
                client.roundTrip();
            }
        }
        for (int n = 1; n <= clients.size() + 8; n++) {
            ScriptClient client = clients.get(n);
            if (client != null) {
                for (String line : client.drain()) {
                    transcript.add(client.name() + ": " + line);
                }
            }
        }
    }

    /** A free-form line, to mark a section of the script. */
    void note(String text) {
        transcript.add("# " + text);
    }

    List<String> transcript() {
        return transcript;
    }

    String stat(Stat s) {
        if (s == null) {
            return "null";
        }
        return "{cz=" + s.getCzxid() + " mz=" + s.getMzxid() + " pz=" + s.getPzxid() + " ct=" + time(s.getCtime())
                + " mt=" + time(s.getMtime()) + " v=" + s.getVersion() + " cv=" + s.getCversion() + " av="
                + s.getAversion() + " owner=" + owner(s.getEphemeralOwner()) + " len=" + s.getDataLength() + " kids="
                + s.getNumChildren() + "}";
    }

    /** Times differ between runs: a time of this run reads "now", anything else is shown as it is. */
    private String time(long ms) {
        return ms >= startedMs - 2_000 && ms <= System.currentTimeMillis() + 2_000 ? "now" : Long.toString(ms);
    }

    /** Session ids differ between servers: show the client that owns the session, TTL and container marks raw. */
    String owner(long ephemeralOwner) {
        String name = sessionNames.get(ephemeralOwner);
        if (name != null) {
            return name;
        }
        return ephemeralOwner == 0 || ephemeralOwner < 0 ? Long.toHexString(ephemeralOwner) : "other-session";
    }

    static String acl(List<ACL> acl) {
        if (acl == null) {
            return "null";
        }
        StringBuilder text = new StringBuilder("[");
        for (ACL entry : acl) {
            text.append(entry.getPerms()).append(' ').append(entry.getId().getScheme()).append(':')
                    .append(entry.getId().getId()).append(';');
        }
        return text.append(']').toString();
    }

    @Override
    public void close() {
        for (ScriptClient client : clients.values()) {
            client.closeQuietly();
        }
    }
}
