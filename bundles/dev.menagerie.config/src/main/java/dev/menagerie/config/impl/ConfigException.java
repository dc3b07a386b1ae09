package dev.menagerie.config.impl;

/**
 * A zoo.cfg that cannot be used. The message is one line meant for the operator, already naming the file, the
 * line and the key ({@code zoo.cfg:7: tickTime: expected a positive integer, got "abc"}), so callers log or print
 * it as is, without a stack trace.
 */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message, null, false, false);
    }
}
