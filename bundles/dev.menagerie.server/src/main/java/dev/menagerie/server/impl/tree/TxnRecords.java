package dev.menagerie.server.impl.tree;

import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.txn.CheckVersionTxn;
import dev.menagerie.protocol.txn.CreateContainerTxn;
import dev.menagerie.protocol.txn.CreateTTLTxn;
import dev.menagerie.protocol.txn.CreateTxn;
import dev.menagerie.protocol.txn.DeleteTxn;
import dev.menagerie.protocol.txn.ErrorTxn;
import dev.menagerie.protocol.txn.SetDataTxn;

/** Decodes the ops of a multi transaction; the types allowed are those Apache's processTxn accepts. */
public final class TxnRecords {
    private TxnRecords() {
    }

    /** The record of one multi op, or a JuteException for bytes that do not decode or a type a multi cannot hold. */
    public static JuteRecord decodeMultiOp(int type, byte[] data) throws JuteException {
        if (data == null) {
            throw new JuteException("multi op of type " + type + " has no body");
        }
        JuteReader reader = JuteReader.of(data);
        return switch (type) {
            case OpCode.CREATE, OpCode.CREATE2 -> CreateTxn.read(reader);
            case OpCode.CREATE_TTL -> CreateTTLTxn.read(reader);
            case OpCode.CREATE_CONTAINER -> CreateContainerTxn.read(reader);
            case OpCode.DELETE, OpCode.DELETE_CONTAINER -> DeleteTxn.read(reader);
            case OpCode.SET_DATA -> SetDataTxn.read(reader);
            case OpCode.ERROR -> ErrorTxn.read(reader);
            case OpCode.CHECK -> CheckVersionTxn.read(reader);
            default -> throw new JuteException("Invalid type of op: " + type);
        };
    }
}
