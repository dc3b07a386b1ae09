package dev.menagerie.api.admin;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * What an {@link AdminPage} answers: the admin server sends the status, the content type, the extra headers and
 * the body as they are.
 *
 * @param status the HTTP status code
 * @param contentType the {@code Content-Type} header, such as {@code text/html; charset=utf-8}
 * @param headers further response headers (a {@code Cache-Control}, a {@code WWW-Authenticate}, ...)
 * @param body the body; not copied, so the page must not change it afterwards
 */
public record AdminPageResponse(int status, String contentType, Map<String, String> headers, byte[] body) {

    public static final String JSON = "application/json; charset=utf-8";
    public static final String TEXT = "text/plain; charset=utf-8";

    public AdminPageResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        Objects.requireNonNull(contentType, "contentType");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    /** A response with no extra headers. */
    public static AdminPageResponse of(int status, String contentType, byte[] body) {
        return new AdminPageResponse(status, contentType, Map.of(), body);
    }

    /** A JSON document, not cached by the browser. */
    public static AdminPageResponse json(int status, String json) {
        return new AdminPageResponse(status, JSON, Map.of("Cache-Control", "no-store"),
                json.getBytes(StandardCharsets.UTF_8));
    }

    /** A short plain-text answer, typically an error. */
    public static AdminPageResponse text(int status, String text) {
        return of(status, TEXT, text.getBytes(StandardCharsets.UTF_8));
    }
}
