package dev.menagerie.server.impl.op;

import dev.menagerie.protocol.ErrorCode;

/** A request failed with a ZooKeeper error code; the client gets the code, the server logs nothing alarming. */
public final class KeeperFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient ErrorCode code;

    public KeeperFailure(ErrorCode code, String path) {
        super(path == null ? code.name() : code.name() + " for " + path, null, false, false);
        this.code = code;
    }

    public KeeperFailure(ErrorCode code) {
        this(code, null);
    }

    public ErrorCode code() {
        return code;
    }
}
