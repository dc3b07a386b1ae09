package dev.menagerie.protocol.compat;

import static dev.menagerie.protocol.compat.Values.ACLS;
import static dev.menagerie.protocol.compat.Values.DATA;
import static dev.menagerie.protocol.compat.Values.NAMES;
import static dev.menagerie.protocol.compat.Values.OTHER_PATH;
import static dev.menagerie.protocol.compat.Values.PASSWORD;
import static dev.menagerie.protocol.compat.Values.PATH;
import static dev.menagerie.protocol.compat.Values.STAT;

import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.data.ClientInfo;
import dev.menagerie.protocol.proto.AddWatchRequest;
import dev.menagerie.protocol.proto.AuthPacket;
import dev.menagerie.protocol.proto.CheckVersionRequest;
import dev.menagerie.protocol.proto.CheckWatchesRequest;
import dev.menagerie.protocol.proto.ConnectRequest;
import dev.menagerie.protocol.proto.ConnectResponse;
import dev.menagerie.protocol.proto.Create2Response;
import dev.menagerie.protocol.proto.CreateRequest;
import dev.menagerie.protocol.proto.CreateResponse;
import dev.menagerie.protocol.proto.CreateTTLRequest;
import dev.menagerie.protocol.proto.DeleteRequest;
import dev.menagerie.protocol.proto.ErrorResponse;
import dev.menagerie.protocol.proto.ExistsRequest;
import dev.menagerie.protocol.proto.ExistsResponse;
import dev.menagerie.protocol.proto.GetACLRequest;
import dev.menagerie.protocol.proto.GetACLResponse;
import dev.menagerie.protocol.proto.GetAllChildrenNumberRequest;
import dev.menagerie.protocol.proto.GetAllChildrenNumberResponse;
import dev.menagerie.protocol.proto.GetChildren2Request;
import dev.menagerie.protocol.proto.GetChildren2Response;
import dev.menagerie.protocol.proto.GetChildrenRequest;
import dev.menagerie.protocol.proto.GetChildrenResponse;
import dev.menagerie.protocol.proto.GetDataRequest;
import dev.menagerie.protocol.proto.GetDataResponse;
import dev.menagerie.protocol.proto.GetEphemeralsRequest;
import dev.menagerie.protocol.proto.GetEphemeralsResponse;
import dev.menagerie.protocol.proto.GetMaxChildrenRequest;
import dev.menagerie.protocol.proto.GetMaxChildrenResponse;
import dev.menagerie.protocol.proto.GetSASLRequest;
import dev.menagerie.protocol.proto.MultiHeader;
import dev.menagerie.protocol.proto.ReconfigRequest;
import dev.menagerie.protocol.proto.RemoveWatchesRequest;
import dev.menagerie.protocol.proto.ReplyHeader;
import dev.menagerie.protocol.proto.RequestHeader;
import dev.menagerie.protocol.proto.SetACLRequest;
import dev.menagerie.protocol.proto.SetACLResponse;
import dev.menagerie.protocol.proto.SetDataRequest;
import dev.menagerie.protocol.proto.SetDataResponse;
import dev.menagerie.protocol.proto.SetMaxChildrenRequest;
import dev.menagerie.protocol.proto.SetSASLRequest;
import dev.menagerie.protocol.proto.SetSASLResponse;
import dev.menagerie.protocol.proto.SetWatches;
import dev.menagerie.protocol.proto.SetWatches2;
import dev.menagerie.protocol.proto.SyncRequest;
import dev.menagerie.protocol.proto.SyncResponse;
import dev.menagerie.protocol.proto.WatcherEvent;
import dev.menagerie.protocol.proto.WhoAmIResponse;

import java.util.List;

/** Samples of every client-protocol record, each paired with Apache's equivalent. */
final class ProtoCases {
    private ProtoCases() {
    }

    static List<Case> all() {
        return List.of(
                new Case(new ConnectRequest(0, 0x3_0000_0010L, 30_000, 0x0100_0000_0000_0042L, PASSWORD, true),
                        new org.apache.zookeeper.proto.ConnectRequest(0, 0x3_0000_0010L, 30_000,
                                0x0100_0000_0000_0042L, PASSWORD, true),
                        ConnectRequest::read),
                new Case(new ConnectResponse(0, 40_000, 0x0100_0000_0000_0042L, PASSWORD, false),
                        new org.apache.zookeeper.proto.ConnectResponse(0, 40_000, 0x0100_0000_0000_0042L, PASSWORD,
                                false),
                        ConnectResponse::read),
                new Case(new SetWatches(0x3_0000_0010L, NAMES, List.of(PATH), List.of()),
                        new org.apache.zookeeper.proto.SetWatches(0x3_0000_0010L, NAMES, List.of(PATH), List.of()),
                        SetWatches::read),
                new Case(new SetWatches2(0x3_0000_0010L, NAMES, List.of(PATH), List.of(), List.of(OTHER_PATH),
                        List.of("/")),
                        new org.apache.zookeeper.proto.SetWatches2(0x3_0000_0010L, NAMES, List.of(PATH), List.of(),
                                List.of(OTHER_PATH), List.of("/")),
                        SetWatches2::read),
                new Case(new RequestHeader(42, OpCode.CREATE),
                        new org.apache.zookeeper.proto.RequestHeader(42, OpCode.CREATE),
                        RequestHeader::read),
                new Case(new MultiHeader(OpCode.SET_DATA, false, -103),
                        new org.apache.zookeeper.proto.MultiHeader(OpCode.SET_DATA, false, -103),
                        MultiHeader::read),
                new Case(new AuthPacket(0, "digest", DATA),
                        new org.apache.zookeeper.proto.AuthPacket(0, "digest", DATA),
                        AuthPacket::read),
                new Case(new ReplyHeader(42, 0x5_0000_0003L, -101),
                        new org.apache.zookeeper.proto.ReplyHeader(42, 0x5_0000_0003L, -101),
                        ReplyHeader::read),
                new Case(new GetDataRequest(PATH, true),
                        new org.apache.zookeeper.proto.GetDataRequest(PATH, true),
                        GetDataRequest::read),
                new Case(new SetDataRequest(PATH, DATA, -1),
                        new org.apache.zookeeper.proto.SetDataRequest(PATH, DATA, -1),
                        SetDataRequest::read),
                new Case(new ReconfigRequest("server.4=127.0.0.1:2888:3888;2181", "3", null, -1L),
                        new org.apache.zookeeper.proto.ReconfigRequest("server.4=127.0.0.1:2888:3888;2181", "3",
                                null, -1L),
                        ReconfigRequest::read),
                new Case(new SetDataResponse(STAT),
                        new org.apache.zookeeper.proto.SetDataResponse(Apache.stat(STAT)),
                        SetDataResponse::read),
                new Case(new GetSASLRequest(DATA),
                        new org.apache.zookeeper.proto.GetSASLRequest(DATA),
                        GetSASLRequest::read),
                new Case(new SetSASLRequest(DATA),
                        new org.apache.zookeeper.proto.SetSASLRequest(DATA),
                        SetSASLRequest::read),
                new Case(new SetSASLResponse(DATA),
                        new org.apache.zookeeper.proto.SetSASLResponse(DATA),
                        SetSASLResponse::read),
                new Case(new CreateRequest(PATH, DATA, ACLS, 3),
                        new org.apache.zookeeper.proto.CreateRequest(PATH, DATA, Apache.acls(ACLS), 3),
                        CreateRequest::read),
                new Case(new CreateTTLRequest(PATH, DATA, ACLS, 5, 86_400_000L),
                        new org.apache.zookeeper.proto.CreateTTLRequest(PATH, DATA, Apache.acls(ACLS), 5,
                                86_400_000L),
                        CreateTTLRequest::read),
                new Case(new DeleteRequest(PATH, 12),
                        new org.apache.zookeeper.proto.DeleteRequest(PATH, 12),
                        DeleteRequest::read),
                new Case(new GetChildrenRequest(PATH, false),
                        new org.apache.zookeeper.proto.GetChildrenRequest(PATH, false),
                        GetChildrenRequest::read),
                new Case(new GetAllChildrenNumberRequest(PATH),
                        new org.apache.zookeeper.proto.GetAllChildrenNumberRequest(PATH),
                        GetAllChildrenNumberRequest::read),
                new Case(new GetChildren2Request(PATH, true),
                        new org.apache.zookeeper.proto.GetChildren2Request(PATH, true),
                        GetChildren2Request::read),
                new Case(new CheckVersionRequest(PATH, 3),
                        new org.apache.zookeeper.proto.CheckVersionRequest(PATH, 3),
                        CheckVersionRequest::read),
                new Case(new GetMaxChildrenRequest(PATH),
                        new org.apache.zookeeper.proto.GetMaxChildrenRequest(PATH),
                        GetMaxChildrenRequest::read),
                new Case(new GetMaxChildrenResponse(1000),
                        new org.apache.zookeeper.proto.GetMaxChildrenResponse(1000),
                        GetMaxChildrenResponse::read),
                new Case(new SetMaxChildrenRequest(PATH, 1000),
                        new org.apache.zookeeper.proto.SetMaxChildrenRequest(PATH, 1000),
                        SetMaxChildrenRequest::read),
                new Case(new SyncRequest(PATH),
                        new org.apache.zookeeper.proto.SyncRequest(PATH),
                        SyncRequest::read),
                new Case(new SyncResponse(PATH),
                        new org.apache.zookeeper.proto.SyncResponse(PATH),
                        SyncResponse::read),
                new Case(new GetACLRequest(PATH),
                        new org.apache.zookeeper.proto.GetACLRequest(PATH),
                        GetACLRequest::read),
                new Case(new SetACLRequest(PATH, ACLS, 1),
                        new org.apache.zookeeper.proto.SetACLRequest(PATH, Apache.acls(ACLS), 1),
                        SetACLRequest::read),
                new Case(new SetACLResponse(STAT),
                        new org.apache.zookeeper.proto.SetACLResponse(Apache.stat(STAT)),
                        SetACLResponse::read),
                new Case(new AddWatchRequest(PATH, 1),
                        new org.apache.zookeeper.proto.AddWatchRequest(PATH, 1),
                        AddWatchRequest::read),
                new Case(new WatcherEvent(4, 3, PATH),
                        new org.apache.zookeeper.proto.WatcherEvent(4, 3, PATH),
                        WatcherEvent::read),
                new Case(new ErrorResponse(-110),
                        new org.apache.zookeeper.proto.ErrorResponse(-110),
                        ErrorResponse::read),
                new Case(new CreateResponse(PATH),
                        new org.apache.zookeeper.proto.CreateResponse(PATH),
                        CreateResponse::read),
                new Case(new Create2Response(PATH, STAT),
                        new org.apache.zookeeper.proto.Create2Response(PATH, Apache.stat(STAT)),
                        Create2Response::read),
                new Case(new ExistsRequest(PATH, true),
                        new org.apache.zookeeper.proto.ExistsRequest(PATH, true),
                        ExistsRequest::read),
                new Case(new ExistsResponse(STAT),
                        new org.apache.zookeeper.proto.ExistsResponse(Apache.stat(STAT)),
                        ExistsResponse::read),
                new Case(new GetDataResponse(DATA, STAT),
                        new org.apache.zookeeper.proto.GetDataResponse(DATA, Apache.stat(STAT)),
                        GetDataResponse::read),
                new Case(new GetChildrenResponse(NAMES),
                        new org.apache.zookeeper.proto.GetChildrenResponse(NAMES),
                        GetChildrenResponse::read),
                new Case(new GetAllChildrenNumberResponse(123_456),
                        new org.apache.zookeeper.proto.GetAllChildrenNumberResponse(123_456),
                        GetAllChildrenNumberResponse::read),
                new Case(new GetChildren2Response(NAMES, STAT),
                        new org.apache.zookeeper.proto.GetChildren2Response(NAMES, Apache.stat(STAT)),
                        GetChildren2Response::read),
                new Case(new GetACLResponse(ACLS, STAT),
                        new org.apache.zookeeper.proto.GetACLResponse(Apache.acls(ACLS), Apache.stat(STAT)),
                        GetACLResponse::read),
                new Case(new CheckWatchesRequest(PATH, 2),
                        new org.apache.zookeeper.proto.CheckWatchesRequest(PATH, 2),
                        CheckWatchesRequest::read),
                new Case(new RemoveWatchesRequest(PATH, 3),
                        new org.apache.zookeeper.proto.RemoveWatchesRequest(PATH, 3),
                        RemoveWatchesRequest::read),
                new Case(new GetEphemeralsRequest("/app"),
                        new org.apache.zookeeper.proto.GetEphemeralsRequest("/app"),
                        GetEphemeralsRequest::read),
                new Case(new GetEphemeralsResponse(NAMES),
                        new org.apache.zookeeper.proto.GetEphemeralsResponse(NAMES),
                        GetEphemeralsResponse::read),
                new Case(new WhoAmIResponse(List.of(
                                new ClientInfo("ip", "127.0.0.1"), new ClientInfo("digest", "bob"))),
                        new org.apache.zookeeper.proto.WhoAmIResponse(List.of(
                                Apache.clientInfo(new ClientInfo("ip", "127.0.0.1")),
                                Apache.clientInfo(new ClientInfo("digest", "bob")))),
                        WhoAmIResponse::read));
    }
}
