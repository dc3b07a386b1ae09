package dev.menagerie.quorum.impl.verifier;

import dev.menagerie.api.quorum.QuorumVerifierFactory;
import java.util.Objects;

/** A bound QuorumVerifierFactory service with the value of its {@code type} property. */
record BoundFactory(QuorumVerifierFactory factory, String type) {

    BoundFactory {
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(type, "type");
    }
}
