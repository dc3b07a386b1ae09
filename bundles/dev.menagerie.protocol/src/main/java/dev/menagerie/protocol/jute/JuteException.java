package dev.menagerie.protocol.jute;

import java.io.IOException;

/**
 * Input that is not a well-formed jute record: truncated, or carrying a length or count that is negative
 * or larger than the configured limit (typically {@code jute.maxbuffer}).
 */
public class JuteException extends IOException {
    private static final long serialVersionUID = 1L;

    public JuteException(String message) {
        super(message);
    }
}
