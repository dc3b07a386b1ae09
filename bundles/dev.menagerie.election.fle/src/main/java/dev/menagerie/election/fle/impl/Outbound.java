package dev.menagerie.election.fle.impl;

import dev.menagerie.election.fle.impl.wire.Notification;

/** A notification for the network edge to send to server {@code toSid}. */
public record Outbound(long toSid, Notification notification) {
}
