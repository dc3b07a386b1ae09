package dev.menagerie.server.impl.op;

import dev.menagerie.protocol.jute.JuteWriter;

/**
 * An operation a multi or multiRead may hold: create in every variant, delete, setData, check, getChildren and
 * getData, as Apache's MultiOperationRecord reads them.
 */
public sealed interface MultiPart permits Create, Delete, SetData, Check, GetChildren, GetData {

    int opCode();

    String path();

    /** The part's record after its MultiHeader. */
    void write(JuteWriter out);
}
