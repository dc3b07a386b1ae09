package dev.menagerie.admin.impl.command;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of a command, shaped like Apache ZooKeeper's: a JSON object with {@code "command"} and
 * {@code "error"} (null on success), followed by the command's own fields.
 *
 * @param command the primary name of the command, or the requested name when it is unknown
 * @param error null on success, otherwise a message for the operator
 * @param httpStatus the HTTP status to answer with
 * @param fields the command's own fields, in the order they should appear
 * @param headers HTTP headers to add, as Apache's {@code snapshot} adds {@code last_zxid}
 * @param body a file to send as {@code application/octet-stream} instead of the JSON, null for the JSON
 */
public record CommandResponse(String command, String error, int httpStatus, Map<String, Object> fields,
        Map<String, String> headers, Path body) {

    public static final int HTTP_OK = 200;
    public static final int HTTP_BAD_REQUEST = 400;
    public static final int HTTP_UNAUTHORIZED = 401;
    public static final int HTTP_FORBIDDEN = 403;
    public static final int HTTP_NOT_FOUND = 404;
    public static final int HTTP_METHOD_NOT_ALLOWED = 405;
    public static final int HTTP_TOO_MANY_REQUESTS = 429;
    public static final int HTTP_INTERNAL_ERROR = 500;
    public static final int HTTP_UNAVAILABLE = 503;

    public CommandResponse {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** A JSON answer without extra headers. */
    public CommandResponse(String command, String error, int httpStatus, Map<String, Object> fields) {
        this(command, error, httpStatus, fields, Map.of(), null);
    }

    public static CommandResponse ok(String command, Map<String, Object> fields) {
        return new CommandResponse(command, null, HTTP_OK, fields);
    }

    public static CommandResponse failed(String command, int httpStatus, String error) {
        return new CommandResponse(command, error, httpStatus, Map.of());
    }

    /** {@code command} and {@code error} first, then the fields; a field cannot override those two. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("command", command);
        map.put("error", error);
        fields.forEach(map::putIfAbsent);
        return map;
    }
}
