package dev.menagerie.protocol.data;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

/**
 * One identity of a session, as returned by whoAmI (3.7+).
 */
public record ClientInfo(String authScheme, String user) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeString(authScheme);
        writer.writeString(user);
    }

    public static ClientInfo read(JuteReader reader) throws JuteException {
        String authScheme = reader.readString();
        String user = reader.readString();
        return new ClientInfo(authScheme, user);
    }
}
