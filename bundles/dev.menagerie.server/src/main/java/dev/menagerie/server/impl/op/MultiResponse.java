package dev.menagerie.server.impl.op;

import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;
import dev.menagerie.protocol.proto.ErrorResponse;
import dev.menagerie.protocol.proto.MultiHeader;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of a multi or multiRead reply: a {@code MultiHeader} and a result record per op (none for delete and
 * check), then the end marker. A failed op is a header of type -1 and an ErrorResponse.
 */
final class MultiResponse implements JuteRecord {

    private record Part(MultiHeader header, JuteRecord body) {
    }

    private final List<Part> parts = new ArrayList<>();

    void add(int type, JuteRecord body) {
        parts.add(new Part(new MultiHeader(type, false, 0), body));
    }

    void addError(int err) {
        parts.add(new Part(new MultiHeader(-1, false, err), new ErrorResponse(err)));
    }

    @Override
    public void write(JuteWriter writer) {
        for (Part part : parts) {
            part.header().write(writer);
            if (part.body() != null) {
                part.body().write(writer);
            }
        }
        MultiHeader.END.write(writer);
    }
}
