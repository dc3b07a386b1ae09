package dev.menagerie.server.impl.pipeline;

/** Reading the stages' zoo.cfg values, which are refused by key name when they do not parse. */
final class SettingValues {

    private SettingValues() {
    }

    /**
     * {@code value} as an int, or {@code defaultValue} for a key not set (null).
     *
     * @param unit what the number counts, for the message ("bytes", "entries")
     * @throws IllegalArgumentException naming the key, for a value that is not a whole number
     */
    static int wholeNumber(String key, String value, int defaultValue, String unit) {
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " is not a whole number of " + unit + ": " + value);
        }
    }
}
