package dev.menagerie.admin.impl.runtime;

/**
 * A Declarative Services component that is not running.
 *
 * @param name the component name
 * @param kind whether it is broken or merely waiting for its configuration
 * @param reason why, in a few words (empty for {@link Kind#WAITING_FOR_CONFIGURATION})
 */
public record ComponentIssue(String name, Kind kind, String reason) {

    public enum Kind {
        /** A missing reference or a failed activation: something an operator has to look at. */
        UNSATISFIED,
        /**
         * A component with configuration policy REQUIRE and no configuration yet. That is its normal idle state
         * (for example, a strategy nobody selected in zoo.cfg), so it is reported apart from real problems.
         */
        WAITING_FOR_CONFIGURATION
    }

    /** {@code "name (reason)"}, or the bare name when there is no reason. */
    public String describe() {
        return reason.isEmpty() ? name : name + " (" + reason + ")";
    }
}
