package dev.menagerie.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.jute.Record;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooDefs.OpCode;
import org.apache.zookeeper.proto.CreateRequest;
import org.apache.zookeeper.proto.CreateTTLRequest;
import org.apache.zookeeper.proto.DeleteRequest;
import org.apache.zookeeper.proto.ExistsRequest;
import org.apache.zookeeper.proto.GetACLRequest;
import org.apache.zookeeper.proto.GetAllChildrenNumberRequest;
import org.apache.zookeeper.proto.GetChildrenRequest;
import org.apache.zookeeper.proto.GetDataRequest;
import org.apache.zookeeper.proto.ReplyHeader;
import org.apache.zookeeper.proto.SetACLRequest;
import org.apache.zookeeper.proto.SetDataRequest;
import org.apache.zookeeper.proto.SyncRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests the official client will not send, as raw frames: bad paths (the server's own checks, BadArguments),
 * and the error code and reply zxid of each, which shows which failures consume a zxid.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DifferentialRawTest {

    static {
        DifferentialSettings.apply();
    }

    private static final String[] BAD_PATHS = {"", "a", "/a/", "/a//b", "/a/./b", "/a/../b", "/.", "/a\u0000b",
        "/zookeeper/", "/a\u0001", "//"};

    @TempDir
    Path dir;

    private static List<String> badPathScript(int port) throws IOException {
        List<String> lines = new ArrayList<>();
        try (RawClient raw = new RawClient(port)) {
            lines.add(line("create /a", raw.call(OpCode.create, create("/a", 0))));
            for (String path : BAD_PATHS) {
                String shown = path.replace("\u0000", "\\0").replace("\u0001", "\\1");
                lines.add(line("create " + shown, raw.call(OpCode.create, create(path, 0))));
                lines.add(line("create seq " + shown, raw.call(OpCode.create, create(path, 2))));
                lines.add(line("createContainer " + shown, raw.call(OpCode.createContainer, create(path, 4))));
                lines.add(line("createTTL " + shown, raw.call(OpCode.createTTL,
                        new CreateTTLRequest(path, new byte[0], Ids.OPEN_ACL_UNSAFE, 5, 1000))));
                lines.add(line("delete " + shown, raw.call(OpCode.delete, new DeleteRequest(path, -1))));
                lines.add(line("setData " + shown, raw.call(OpCode.setData,
                        new SetDataRequest(path, new byte[0], -1))));
                lines.add(line("setACL " + shown, raw.call(OpCode.setACL,
                        new SetACLRequest(path, Ids.OPEN_ACL_UNSAFE, -1))));
                lines.add(line("getData " + shown, raw.call(OpCode.getData, new GetDataRequest(path, false))));
                lines.add(line("exists " + shown, raw.call(OpCode.exists, new ExistsRequest(path, false))));
                lines.add(line("getChildren " + shown, raw.call(OpCode.getChildren,
                        new GetChildrenRequest(path, false))));
                lines.add(line("getACL " + shown, raw.call(OpCode.getACL, new GetACLRequest(path))));
                lines.add(line("getAllChildrenNumber " + shown, raw.call(OpCode.getAllChildrenNumber,
                        new GetAllChildrenNumberRequest(path))));
                lines.add(line("sync " + shown, raw.call(OpCode.sync, new SyncRequest(path))));
            }
            lines.add(line("createTTL persistent flags with a ttl", raw.call(OpCode.createTTL,
                    new CreateTTLRequest("/t", new byte[0], Ids.OPEN_ACL_UNSAFE, 0, 1000))));
            lines.add(line("createTTL ttl flags with ttl -1", raw.call(OpCode.createTTL,
                    new CreateTTLRequest("/t", new byte[0], Ids.OPEN_ACL_UNSAFE, 5, -1))));
            lines.add(line("create with ttl flags", raw.call(OpCode.create, create("/t", 5))));
            lines.add(line("create with unknown flags", raw.call(OpCode.create, create("/t", 42))));
            lines.add(line("create2 /ok", raw.call(OpCode.create2, create("/ok", 0))));
        }
        return lines;
    }

    private static CreateRequest create(String path, int flags) {
        return new CreateRequest(path, new byte[0], Ids.OPEN_ACL_UNSAFE, flags);
    }

    private static String line(String what, ReplyHeader reply) {
        return what + " -> " + KeeperException.Code.get(reply.getErr()) + " zxid=" + reply.getZxid();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nio", "netty"})
    void badPathsFailAsOnApache(String transport) throws Exception {
        List<String> apache;
        try (InJvmApache server = new InJvmApache(dir)) {
            apache = badPathScript(port(server.connectString()));
        }
        Transcripts.keep("raw", apache);
        List<String> menagerie;
        try (InJvmMenagerie server = new InJvmMenagerie(dir, transport)) {
            menagerie = badPathScript(server.port());
        }
        Transcripts.assertSame(apache, menagerie, "raw requests on " + transport);
    }

    /** Apache 3.9.5 accepts this request and then fails applying it, for good; Menagerie refuses it up front. */
    @Test
    void createTtlWithPersistentFlagsAndNoTtlIsBadArguments() throws Exception {
        try (InJvmMenagerie server = new InJvmMenagerie(dir, "nio");
                RawClient raw = new RawClient(server.port())) {
            Record request = new CreateTTLRequest("/t", new byte[0], Ids.OPEN_ACL_UNSAFE, 0, -1);
            assertEquals(KeeperException.Code.BADARGUMENTS.intValue(), raw.call(OpCode.createTTL, request).getErr());
            ReplyHeader after = raw.call(OpCode.create2, create("/after", 0));
            assertEquals(0, after.getErr(), "the server still works");
            assertEquals(KeeperException.Code.NONODE.intValue(),
                    raw.call(OpCode.exists, new ExistsRequest("/t", false)).getErr(), "nothing was created");
        }
    }

    private static int port(String connectString) {
        return Integer.parseInt(connectString.substring(connectString.lastIndexOf(':') + 1));
    }
}
