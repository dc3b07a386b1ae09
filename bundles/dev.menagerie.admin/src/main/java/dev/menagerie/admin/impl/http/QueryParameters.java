package dev.menagerie.admin.impl.http;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The query parameters of a request, the first value of each, as Apache's servlet hands them to a command. */
final class QueryParameters {

    /** A query longer than this is an abuse; its parameters are ignored past this point. */
    static final int MAX_QUERY_CHARS = 4096;
    static final int MAX_PARAMETERS = 32;

    private QueryParameters() {
    }

    static Map<String, String> parse(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = uri.getRawQuery();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        if (query.length() > MAX_QUERY_CHARS) {
            query = query.substring(0, MAX_QUERY_CHARS);
        }
        for (String pair : query.split("&", MAX_PARAMETERS + 1)) {
            if (parameters.size() == MAX_PARAMETERS) {
                break;
            }
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            // A broken %-escape: keep the raw text, as a servlet container would not reject the whole request.
            return text;
        }
    }
}
