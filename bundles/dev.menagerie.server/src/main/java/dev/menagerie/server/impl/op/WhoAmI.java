package dev.menagerie.server.impl.op;

import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.proto.WhoAmIResponse;

/** whoAmI: the caller's identities as the auth providers name them. Its body is empty. */
public record WhoAmI() implements ReadOperation {

    @Override
    public int opCode() {
        return OpCode.WHO_AM_I;
    }

    @Override
    public JuteRecord read(ReadContext context, Caller caller) {
        return new WhoAmIResponse(context.providers().whoAmI(caller.authIds()));
    }
}
