package dev.menagerie.api.config;

/** Whether a quorum member votes ({@code participant}) or only replicates ({@code observer}). */
public enum LearnerType {
    PARTICIPANT,
    OBSERVER;

    /** The spelling zoo.cfg uses: {@code participant} or {@code observer}. */
    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
