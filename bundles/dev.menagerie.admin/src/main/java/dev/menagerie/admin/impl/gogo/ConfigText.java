package dev.menagerie.admin.impl.gogo;

import dev.menagerie.api.config.ServerConfig;

/** The zoo.cfg values in force, as {@code key=value} lines in file order, after a comment naming the file. */
final class ConfigText {

    static final String NO_CONFIG = "No configuration has been published yet.";

    private ConfigText() {
    }

    static String format(ServerConfig config) {
        if (config == null) {
            return NO_CONFIG + System.lineSeparator();
        }
        StringBuilder text = new StringBuilder();
        text.append("# ").append(config.configFile()).append(" (revision ").append(config.revision()).append(')')
                .append(System.lineSeparator());
        config.properties().forEach((key, value) ->
                text.append(key).append('=').append(value).append(System.lineSeparator()));
        return text.toString();
    }
}
