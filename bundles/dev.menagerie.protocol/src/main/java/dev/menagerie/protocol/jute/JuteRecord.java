package dev.menagerie.protocol.jute;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A value with a jute encoding. Each implementation also offers a static {@code read(JuteReader)} factory
 * that decodes what {@link #write(JuteWriter)} encodes.
 */
@ConsumerType
public interface JuteRecord {

    /** Appends this record's fields, in jute order, to the writer. */
    void write(JuteWriter writer);
}
