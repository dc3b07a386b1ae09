package dev.menagerie.server.impl.op;

import dev.menagerie.protocol.ErrorCode;
import dev.menagerie.protocol.jute.JuteRecord;

/**
 * An op code a client may not send: unknown, or a check outside a multi. A client connection refuses it at once;
 * reaching the pipeline another way, it is answered UNIMPLEMENTED in its turn.
 */
public record Unimplemented(int opCode) implements ReadOperation {

    @Override
    public JuteRecord read(ReadContext context, Caller caller) throws KeeperFailure {
        throw new KeeperFailure(ErrorCode.UNIMPLEMENTED);
    }
}
