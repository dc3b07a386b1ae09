package dev.menagerie.protocol.proto;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

/**
 * A watch notification (xid -1); type is an {@code EventType}, state a {@code KeeperState}.
 */
public record WatcherEvent(int type, int state, String path) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeInt(type);
        writer.writeInt(state);
        writer.writeString(path);
    }

    public static WatcherEvent read(JuteReader reader) throws JuteException {
        int type = reader.readInt();
        int state = reader.readInt();
        String path = reader.readString();
        return new WatcherEvent(type, state, path);
    }
}
