package dev.menagerie.config.impl;

import dev.menagerie.api.config.ServerConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Strategy changes that a live zoo.cfg edit must not make, because binding the new type on a running server loses
 * acknowledged writes or splits an ensemble's idea of a quorum:
 * <ul>
 * <li>the storage engine: the server component would restart on the other engine with that engine's data, so
 * {@code file -> memory} serves an empty tree and {@code memory -> file} drops every write acknowledged since the
 * start (nothing carries the data over); the operator stops the server, edits and starts it;</li>
 * <li>the quorum verifier of an ensemble member: the members must agree on what a quorum is, so the verifier
 * changes through reconfiguration (a joint quorum), never on one member at a time.</li>
 * </ul>
 */
final class RestartOnlyStrategies {

    private RestartOnlyStrategies() {
    }

    /** One sentence per change of {@code next} against the running {@code current} that is refused; empty if none. */
    static List<String> refusals(ServerConfig current, ServerConfig next) {
        List<String> refusals = new ArrayList<>();
        if (!next.storageType().equals(current.storageType())) {
            refusals.add("storage=" + next.storageType() + ": a running server keeps its storage engine ("
                    + current.storageType() + "), because switching engines does not carry the data over and would"
                    + " lose acknowledged writes; stop the server, edit zoo.cfg and start it");
        }
        if (!current.standalone() && !next.standalone() && !next.verifierType().equals(current.verifierType())) {
            refusals.add("quorumVerifier=" + next.verifierType() + ": an ensemble changes its quorum verifier"
                    + " through reconfiguration, not by editing one member's zoo.cfg (keeping "
                    + current.verifierType() + "; until reconfiguration is supported, stop every member, give each"
                    + " the same quorumVerifier and start them)");
        }
        return refusals;
    }
}
