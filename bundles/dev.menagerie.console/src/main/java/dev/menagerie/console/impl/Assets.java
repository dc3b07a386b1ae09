package dev.menagerie.console.impl;

import dev.menagerie.api.admin.AdminPageResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The console's HTML, script and style sheet, read once from this bundle's jar: nothing is fetched from anywhere
 * else, so the console works on a host without internet access.
 */
final class Assets {

    static final String FOLDER = "/dev/menagerie/console/assets/";
    private static final Map<String, String> TYPES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "console.js", "text/javascript; charset=utf-8",
            "console.css", "text/css; charset=utf-8");

    /** Nothing but this bundle's own files and the console's JSON; no inline script, no framing by other sites. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; frame-ancestors 'none'";

    private final Map<String, byte[]> contents;

    private Assets(Map<String, byte[]> contents) {
        this.contents = contents;
    }

    static Assets load() {
        Map<String, byte[]> contents = new HashMap<>();
        for (String name : TYPES.keySet()) {
            try (InputStream in = Assets.class.getResourceAsStream(FOLDER + name)) {
                if (in == null) {
                    throw new IllegalStateException("the console bundle lacks its asset " + FOLDER + name);
                }
                contents.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the console asset " + name, e);
            }
        }
        return new Assets(Map.copyOf(contents));
    }

    /** The asset named, with its content type; empty for any other name. */
    Optional<AdminPageResponse> get(String name) {
        byte[] body = contents.get(name);
        if (body == null) {
            return Optional.empty();
        }
        return Optional.of(new AdminPageResponse(200, TYPES.get(name), Map.of("Cache-Control", "no-cache",
                "Content-Security-Policy", CONTENT_SECURITY_POLICY), body));
    }
}
