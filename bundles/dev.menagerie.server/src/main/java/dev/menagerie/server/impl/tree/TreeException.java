package dev.menagerie.server.impl.tree;

import dev.menagerie.protocol.ErrorCode;

/** A transaction that cannot apply to the current tree (NONODE, NODEEXISTS); its result carries the code. */
final class TreeException extends Exception {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    TreeException(ErrorCode code, String path) {
        super(code.describe(path), null, false, false);
        this.code = code;
    }

    ErrorCode code() {
        return code;
    }
}
