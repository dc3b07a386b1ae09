package dev.menagerie.election.fle.impl;

import java.util.List;

/**
 * What one input to the core produced: notifications to send, in order, and the decision when the round ended.
 * The core has already moved to the decided role, so the caller may act on the decision before sending.
 *
 * @param messages notifications for other peers; never one to ourselves (the core loops those back itself)
 * @param decision the round's result, or null while the round goes on or when no round is running
 */
public record ElectionOutput(List<Outbound> messages, Decision decision) {

    public ElectionOutput {
        messages = List.copyOf(messages);
    }

    public boolean decided() {
        return decision != null;
    }
}
