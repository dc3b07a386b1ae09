package dev.menagerie.server.impl.op;

/**
 * A client request, decoded once from its frame by {@link OperationDecoder}. Each case owns what happens to it:
 * a {@link WriteOperation} becomes a transaction and is answered once that is applied, a {@link ReadOperation} is
 * answered from the tree. Every case lives in this package because a sealed type's cases must share it.
 */
public sealed interface Operation permits WriteOperation, ReadOperation {

    /** The op code the client sent (create2, createTTL and the other variants of one operation keep theirs). */
    int opCode();
}
