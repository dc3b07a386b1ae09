package dev.menagerie.admin.impl.command;

import java.util.List;
import java.util.Map;

/** {@code get_trace_mask} ({@code gtmk}) and {@code set_trace_mask} ({@code stmk}), on the shared {@link TraceMask}. */
final class TraceMaskCommands {

    static final String MASK_PARAMETER = "traceMask";
    static final String MISSING_MASK = "setTraceMask requires long traceMask argument";

    private TraceMaskCommands() {
    }

    static List<AdminCommand> all() {
        return List.of(
                SimpleCommand.always(List.of("get_trace_mask", "gtmk"),
                        (name, request) -> CommandResponse.ok(name, Map.of("tracemask", TraceMask.get()))),
                SimpleCommand.always(List.of("set_trace_mask", "stmk"), TraceMaskCommands::set));
    }

    /** As Apache: a missing or malformed mask is an error in the answer (HTTP 200); the mask stays as it was. */
    private static CommandResponse set(String name, CommandRequest request) {
        String text = request.parameters().get(MASK_PARAMETER);
        if (text == null) {
            return CommandResponse.failed(name, CommandResponse.HTTP_OK, MISSING_MASK);
        }
        long mask;
        try {
            mask = Long.parseLong(text);
        } catch (NumberFormatException e) {
            return CommandResponse.failed(name, CommandResponse.HTTP_OK, MISSING_MASK + ", got " + text);
        }
        TraceMask.set(mask);
        return CommandResponse.ok(name, Map.of("tracemask", mask));
    }
}
