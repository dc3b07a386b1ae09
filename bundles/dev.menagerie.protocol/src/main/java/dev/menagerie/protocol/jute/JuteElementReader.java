package dev.menagerie.protocol.jute;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Decodes one element of a jute vector; the records' static {@code read} methods fit, as in {@code ACL::read}.
 *
 * @param <T> the element type
 */
@ConsumerType
@FunctionalInterface
public interface JuteElementReader<T> {

    T read(JuteReader reader) throws JuteException;
}
