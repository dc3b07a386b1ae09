package dev.menagerie.protocol.proto;

import dev.menagerie.protocol.data.ClientInfo;
import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

import java.util.List;

/**
 * The reply to whoAmI (op 107, 3.7+).
 */
public record WhoAmIResponse(List<ClientInfo> clientInfo) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeRecordVector(clientInfo);
    }

    public static WhoAmIResponse read(JuteReader reader) throws JuteException {
        return new WhoAmIResponse(reader.readVector(ClientInfo::read));
    }
}
