package dev.menagerie.server.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.jute.Record;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooDefs.OpCode;
import org.apache.zookeeper.proto.AddWatchRequest;
import org.apache.zookeeper.proto.CheckVersionRequest;
import org.apache.zookeeper.proto.CreateRequest;
import org.apache.zookeeper.proto.DeleteRequest;
import org.apache.zookeeper.proto.ExistsRequest;
import org.apache.zookeeper.proto.SetDataRequest;
import org.apache.zookeeper.proto.SetWatches;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Protocol corners only a raw client reaches, compared frame by frame with Apache 3.9.5: a reconnect's setWatches
 * for nodes that changed meanwhile (which events, in which order against the reply), op codes Apache refuses
 * outright (a lone check, an unknown number: the reply's zxid, and whether the connection stays) and an addWatch
 * with a mode that does not exist.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DifferentialRawProtocolTest {

    static {
        DifferentialSettings.apply();
    }

    /** Apache's xid for the setWatches a reconnecting client sends. */
    private static final int SET_WATCHES_XID = -8;
    private static final int UNKNOWN_OP = 99;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"nio", "netty"})
    void setWatchesForChangedNodesAnswersOnceAsApache(String transport) throws Exception {
        compare("raw-setwatches", transport, DifferentialRawProtocolTest::setWatchesScript);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nio", "netty"})
    void refusedOpCodesAnswerAsApache(String transport) throws Exception {
        compare("raw-refused-ops", transport, DifferentialRawProtocolTest::refusedOpsScript);
    }

    private interface RawScript {
        List<String> run(int port) throws IOException;
    }

    private void compare(String key, String transport, RawScript script) throws Exception {
        List<String> apache;
        try (InJvmApache server = new InJvmApache(dir.resolve(transport))) {
            apache = script.run(server.port());
        }
        Transcripts.keep(key, apache);
        List<String> menagerie;
        try (InJvmMenagerie server = new InJvmMenagerie(dir.resolve(transport), transport)) {
            menagerie = script.run(server.port());
        }
        Transcripts.assertSame(apache, menagerie, key + " on " + transport);
    }

    /**
     * /same is older than relativeZxid, so its data watch is registered; every other watch names a node that was
     * created, changed or deleted since, so its event is sent at once. A following exists shows every frame that
     * came in between, and a change to /same shows the registered watch.
     */
    private static List<String> setWatchesScript(int port) throws IOException {
        List<String> lines = new ArrayList<>();
        try (RawClient raw = new RawClient(port)) {
            long relativeZxid = raw.call(OpCode.create, create("/same")).getZxid();
            raw.call(OpCode.create, create("/w"));
            raw.call(OpCode.create, create("/w/c"));
            raw.call(OpCode.setData, new SetDataRequest("/w", new byte[] {1}, -1));
            raw.call(OpCode.create, create("/gone"));
            raw.call(OpCode.delete, new DeleteRequest("/gone", -1));
            SetWatches watches = new SetWatches(relativeZxid, List.of("/same", "/w", "/gone"),
                    List.of("/w", "/missing"), List.of("/w", "/gone"));
            lines.add("setWatches relativeZxid=" + relativeZxid);
            lines.addAll(raw.exchange(SET_WATCHES_XID, OpCode.setWatches, watches, SET_WATCHES_XID));
            int exists = raw.nextXid();
            lines.add("exists /missing");
            lines.addAll(raw.exchange(exists, OpCode.exists, new ExistsRequest("/missing", false), exists));
            int setData = raw.nextXid();
            lines.add("setData /same");
            lines.addAll(raw.exchange(setData, OpCode.setData, new SetDataRequest("/same", new byte[] {2}, -1),
                    setData));
        }
        return lines;
    }

    /** Each refused op on its own connection, since Apache closes the connection after some of them. */
    private static List<String> refusedOpsScript(int port) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("check outside a multi");
        lines.addAll(alone(port, OpCode.check, new CheckVersionRequest("/x", -1)));
        lines.add("unknown op code " + UNKNOWN_OP);
        lines.addAll(alone(port, UNKNOWN_OP, new ExistsRequest("/x", false)));
        lines.add("addWatch with mode 7");
        lines.addAll(alone(port, OpCode.addWatch, new AddWatchRequest("/x", 7)));
        return lines;
    }

    /** Creates /x (so the zxid in later replies is not 0), sends one request, then tells whether the link stays. */
    private static List<String> alone(int port, int type, Record request) throws IOException {
        try (RawClient raw = new RawClient(port)) {
            raw.call(OpCode.create, create("/x" + type));
            int xid = raw.nextXid();
            List<String> lines = new ArrayList<>(raw.exchange(xid, type, request, xid));
            if (!lines.contains("closed")) {
                lines.add(raw.closedByServer(2_000) ? "closed" : "open");
            }
            return lines;
        }
    }

    private static CreateRequest create(String path) {
        return new CreateRequest(path, new byte[0], Ids.OPEN_ACL_UNSAFE, 0);
    }
}
