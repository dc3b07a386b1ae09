package dev.menagerie.server.impl.op;

import dev.menagerie.protocol.jute.JuteRecord;

/**
 * A request answered from the tree of the server the client is connected to, after every write the same client
 * sent before it. Permission checks, watch registration and error codes follow Apache's FinalRequestProcessor.
 */
public sealed interface ReadOperation extends Operation
        permits Ping, Exists, GetData, GetChildren, GetChildren2, GetAcl, GetAllChildrenNumber, GetEphemerals,
        Sync, RestoreWatches, AddWatch, CheckWatches, RemoveWatches, WhoAmI, MultiRead, Undecodable,
        Unimplemented {

    /** The reply body; a {@link KeeperFailure} becomes the reply's error code, without a body. */
    JuteRecord read(ReadContext context, Caller caller) throws KeeperFailure;

    /** The xid the reply carries: the request's, except for a ping, which Apache answers with its own. */
    default int replyXid(int requestXid) {
        return requestXid;
    }
}
