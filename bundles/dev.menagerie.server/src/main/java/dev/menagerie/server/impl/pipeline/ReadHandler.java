package dev.menagerie.server.impl.pipeline;

import dev.menagerie.protocol.AddWatchMode;
import dev.menagerie.protocol.ErrorCode;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.Perms;
import dev.menagerie.protocol.WatcherType;
import dev.menagerie.protocol.data.ACL;
import dev.menagerie.protocol.data.Id;
import dev.menagerie.protocol.data.Stat;
import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.proto.AddWatchRequest;
import dev.menagerie.protocol.proto.CheckWatchesRequest;
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
import dev.menagerie.protocol.proto.RemoveWatchesRequest;
import dev.menagerie.protocol.proto.SetWatches;
import dev.menagerie.protocol.proto.SetWatches2;
import dev.menagerie.protocol.proto.SyncRequest;
import dev.menagerie.protocol.proto.SyncResponse;
import dev.menagerie.protocol.proto.WhoAmIResponse;
import dev.menagerie.server.impl.auth.AclChecker;
import dev.menagerie.server.impl.auth.ProviderRegistry;
import dev.menagerie.server.impl.tree.DataNode;
import dev.menagerie.server.impl.tree.DataTree;
import dev.menagerie.server.impl.watch.ReconnectWatches;
import dev.menagerie.server.impl.watch.WatchRouter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Serves the requests that change nothing, on the commit thread so that a read sees every write the same client
 * sent before it. Permission checks, watch registration and error codes follow Apache's FinalRequestProcessor.
 */
final class ReadHandler {

    /** A reply: an error code and an optional body. */
    record Reply(int err, JuteRecord body) {
        static Reply ok(JuteRecord body) {
            return new Reply(0, body);
        }

        static Reply error(ErrorCode code) {
            return new Reply(code.code(), null);
        }
    }

    private final DataTree tree;
    private final WatchRouter watches;
    private final AclChecker acls;
    private final ProviderRegistry providers;
    private final ReconnectWatches reconnectWatches;
    private final int maxRecordBytes;

    ReadHandler(DataTree tree, WatchRouter watches, AclChecker acls, ProviderRegistry providers,
            int maxRecordBytes) {
        this.tree = tree;
        this.watches = watches;
        this.acls = acls;
        this.providers = providers;
        this.reconnectWatches = new ReconnectWatches(watches);
        this.maxRecordBytes = maxRecordBytes;
    }

    Reply handle(Request request) throws JuteException {
        JuteReader in = new JuteReader(ByteBuffer.wrap(request.body()), maxRecordBytes);
        ClientLink client = request.client();
        List<Id> auth = request.authIds();
        try {
            return switch (request.type()) {
                case OpCode.EXISTS -> exists(ExistsRequest.read(in), client, auth);
                case OpCode.GET_DATA -> Reply.ok(getData(GetDataRequest.read(in), client, auth));
                case OpCode.GET_CHILDREN -> Reply.ok(getChildren(GetChildrenRequest.read(in), client, auth));
                case OpCode.GET_CHILDREN2 -> Reply.ok(getChildren2(GetChildren2Request.read(in), client, auth));
                case OpCode.GET_ACL -> Reply.ok(getAcl(GetACLRequest.read(in).path(), auth));
                case OpCode.GET_ALL_CHILDREN_NUMBER ->
                        Reply.ok(allChildrenNumber(GetAllChildrenNumberRequest.read(in).path(), auth));
                case OpCode.GET_EPHEMERALS -> Reply.ok(ephemerals(GetEphemeralsRequest.read(in), request));
                case OpCode.SYNC -> Reply.ok(new SyncResponse(SyncRequest.read(in).path()));
                // ReconnectWatches itself sends the events that fire at once, ahead of this empty reply.
                case OpCode.SET_WATCHES -> {
                    reconnectWatches.apply(SetWatches.read(in), client, tree::stat, tree::acl);
                    yield Reply.ok(null);
                }
                case OpCode.SET_WATCHES2 -> {
                    reconnectWatches.apply(SetWatches2.read(in), client, tree::stat, tree::acl);
                    yield Reply.ok(null);
                }
                case OpCode.ADD_WATCH -> addWatch(AddWatchRequest.read(in), client);
                case OpCode.CHECK_WATCHES -> checkWatches(CheckWatchesRequest.read(in), client);
                case OpCode.REMOVE_WATCHES -> removeWatches(RemoveWatchesRequest.read(in), client);
                case OpCode.WHO_AM_I -> Reply.ok(new WhoAmIResponse(providers.whoAmI(auth)));
                case OpCode.MULTI_READ -> Reply.ok(multiRead(MultiOps.read(in), client, auth));
                default -> Reply.error(ErrorCode.UNIMPLEMENTED);
            };
        } catch (KeeperFailure e) {
            return Reply.error(e.code());
        }
    }

    private Reply exists(ExistsRequest request, ClientLink client, List<Id> auth) throws KeeperFailure {
        String path = request.path();
        if (path.indexOf('\0') != -1) {
            throw new KeeperFailure(ErrorCode.BADARGUMENTS, path);
        }
        DataNode node = tree.node(path);
        if (node != null) {
            require(tree.aclOf(node), Perms.READ, auth, path);
        }
        if (request.watch() && client != null) {
            watches.watchData(path, client);
        }
        Stat stat = tree.stat(path);
        return stat == null ? Reply.error(ErrorCode.NONODE) : Reply.ok(new ExistsResponse(stat));
    }

    private GetDataResponse getData(GetDataRequest request, ClientLink client, List<Id> auth) throws KeeperFailure {
        DataNode node = readable(request.path(), auth);
        if (request.watch() && client != null) {
            watches.watchData(request.path(), client);
        }
        return new GetDataResponse(node.data(), node.stat());
    }

    private GetChildrenResponse getChildren(GetChildrenRequest request, ClientLink client, List<Id> auth)
            throws KeeperFailure {
        DataNode node = readable(request.path(), auth);
        if (request.watch() && client != null) {
            watches.watchChildren(request.path(), client);
        }
        return new GetChildrenResponse(node.children());
    }

    private GetChildren2Response getChildren2(GetChildren2Request request, ClientLink client, List<Id> auth)
            throws KeeperFailure {
        DataNode node = readable(request.path(), auth);
        if (request.watch() && client != null) {
            watches.watchChildren(request.path(), client);
        }
        return new GetChildren2Response(node.children(), node.stat());
    }

    /** getACL needs READ or ADMIN; without ADMIN, digest ids come back as {@code user:x}. */
    private GetACLResponse getAcl(String path, List<Id> auth) throws KeeperFailure {
        DataNode node = existing(path);
        List<ACL> acl = tree.aclOf(node);
        if (!acls.mayGetAcl(acl, auth)) {
            throw new KeeperFailure(ErrorCode.NOAUTH, path);
        }
        return new GetACLResponse(acls.aclVisibleTo(acl, auth), node.stat());
    }

    private GetAllChildrenNumberResponse allChildrenNumber(String path, List<Id> auth) throws KeeperFailure {
        readable(path, auth);
        return new GetAllChildrenNumberResponse(tree.allChildrenNumber(path));
    }

    private GetEphemeralsResponse ephemerals(GetEphemeralsRequest request, Request whole) {
        String prefix = request.prefixPath();
        List<String> matching = new ArrayList<>();
        boolean all = prefix == null || prefix.isBlank() || "/".equals(prefix.trim());
        for (String path : tree.ephemerals(whole.sessionId())) {
            if (all || path.startsWith(prefix)) {
                matching.add(path);
            }
        }
        return new GetEphemeralsResponse(matching);
    }

    private Reply addWatch(AddWatchRequest request, ClientLink client) throws KeeperFailure {
        AddWatchMode mode = AddWatchMode.fromMode(request.mode());
        if (mode == null) {
            // Apache's WatcherMode refuses the number with an exception its FinalRequestProcessor reports as this.
            throw new KeeperFailure(ErrorCode.MARSHALLINGERROR, request.path());
        }
        watches.addWatch(request.path(), client, mode);
        return Reply.ok(new ErrorResponse(0));
    }

    private Reply checkWatches(CheckWatchesRequest request, ClientLink client) throws KeeperFailure {
        WatcherType type = watcherType(request.type(), request.path());
        if (!watches.containsWatch(request.path(), type, client)) {
            throw new KeeperFailure(ErrorCode.NOWATCHER, request.path());
        }
        return Reply.ok(null);
    }

    private Reply removeWatches(RemoveWatchesRequest request, ClientLink client) throws KeeperFailure {
        WatcherType type = watcherType(request.type(), request.path());
        if (!watches.removeWatch(request.path(), type, client)) {
            throw new KeeperFailure(ErrorCode.NOWATCHER, request.path());
        }
        return Reply.ok(null);
    }

    private MultiResponse multiRead(List<MultiOps.Op> ops, ClientLink client, List<Id> auth) {
        MultiResponse response = new MultiResponse();
        for (MultiOps.Op op : ops) {
            try {
                if (op.request() instanceof GetChildrenRequest children) {
                    response.add(OpCode.GET_CHILDREN, getChildren(children, client, auth));
                } else if (op.request() instanceof GetDataRequest data) {
                    response.add(OpCode.GET_DATA, getData(data, client, auth));
                } else {
                    response.addError(ErrorCode.MARSHALLINGERROR.code());
                }
            } catch (KeeperFailure e) {
                response.addError(e.code().code());
            }
        }
        return response;
    }

    private DataNode readable(String path, List<Id> auth) throws KeeperFailure {
        DataNode node = existing(path);
        require(tree.aclOf(node), Perms.READ, auth, path);
        return node;
    }

    private DataNode existing(String path) throws KeeperFailure {
        DataNode node = tree.node(path);
        if (node == null) {
            throw new KeeperFailure(ErrorCode.NONODE, path);
        }
        return node;
    }

    private void require(List<ACL> acl, int perm, List<Id> auth, String path) throws KeeperFailure {
        if (!acls.isAllowed(acl, perm, auth)) {
            throw new KeeperFailure(ErrorCode.NOAUTH, path);
        }
    }

    private static WatcherType watcherType(int value, String path) throws KeeperFailure {
        WatcherType type = WatcherType.fromInt(value);
        if (type == null) {
            throw new KeeperFailure(ErrorCode.BADARGUMENTS, path);
        }
        return type;
    }
}
