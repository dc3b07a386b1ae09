package dev.menagerie.api.config;

/**
 * A zoo.cfg that cannot be used. The message is one line for the operator, naming the file, the line and the key
 * ({@code zoo.cfg:7: tickTime: expected a positive integer, got "abc"}); print it as is, without a stack trace.
 */
public final class InvalidConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidConfigException(String message) {
        super(message, null, false, false);
    }
}
