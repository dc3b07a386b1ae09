package dev.menagerie.api.admin;

import java.util.Objects;

/**
 * What {@link StrategySwitcher#switchStrategy} did.
 *
 * @param outcome how it ended
 * @param message one or two lines for the operator, as the Gogo command prints them; a refusal starts with
 *     {@code Refused:}
 */
public record StrategySwitchResult(Outcome outcome, String message) {

    public StrategySwitchResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
    }

    /** How a switch ended. */
    public enum Outcome {
        /** zoo.cfg was rewritten and the new type is bound. */
        SWITCHED,
        /** zoo.cfg already selects the type; nothing was written. */
        UNCHANGED,
        /** Nothing was written: the message says why. */
        REFUSED,
        /** zoo.cfg was rewritten, but the new type was not bound before the timeout; the server log says why. */
        NOT_BOUND
    }
}
