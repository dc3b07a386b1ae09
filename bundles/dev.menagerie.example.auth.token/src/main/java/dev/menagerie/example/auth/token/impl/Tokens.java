package dev.menagerie.example.auth.token.impl;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The {@code tokens} setting: comma-separated {@code name:secret} pairs. */
final class Tokens {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

    private Tokens() {
    }

    static boolean isName(String text) {
        return NAME.matcher(text).matches();
    }

    /** @throws IllegalArgumentException for a pair without a secret or with a malformed name (DS logs it) */
    static Map<String, byte[]> parse(String tokens) {
        Map<String, byte[]> secretsByName = new HashMap<>();
        for (String pair : tokens.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] parts = pair.trim().split(":", 2);
            if (parts.length != 2 || parts[1].isEmpty() || !isName(parts[0])) {
                throw new IllegalArgumentException("tokens: expected name:secret, got \"" + parts[0] + ":...\"");
            }
            secretsByName.put(parts[0], parts[1].getBytes(StandardCharsets.UTF_8));
        }
        return Map.copyOf(secretsByName);
    }
}
