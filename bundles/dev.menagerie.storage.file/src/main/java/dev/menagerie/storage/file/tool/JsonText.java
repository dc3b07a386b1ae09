package dev.menagerie.storage.file.tool;

/** JSON string escaping as Jackson's {@code JsonStringEncoder.quoteAsString}, which Apache's tools use. */
final class JsonText {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private JsonText() {
    }

    static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\b' -> quoted.append("\\b");
                case '\f' -> quoted.append("\\f");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.toString();
    }
}
