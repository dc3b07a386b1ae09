package dev.menagerie.server.impl.op;

import dev.menagerie.protocol.ErrorCode;
import dev.menagerie.protocol.jute.JuteRecord;

/** A request whose body did not decode: answered in its turn with MARSHALLINGERROR, changing nothing. */
public record Undecodable(int opCode) implements ReadOperation {

    @Override
    public JuteRecord read(ReadContext context, Caller caller) throws KeeperFailure {
        throw new KeeperFailure(ErrorCode.MARSHALLINGERROR);
    }
}
