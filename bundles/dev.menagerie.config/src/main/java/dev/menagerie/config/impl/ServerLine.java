package dev.menagerie.config.impl;

import dev.menagerie.api.config.HostPort;
import dev.menagerie.api.config.LearnerType;

/**
 * A parsed {@code server.N} line before groups and weights are applied.
 *
 * @param typeGiven whether the line names its type; without it the server is a participant
 * @param clientAddress the address after {@code ;}, or null
 */
record ServerLine(long id, HostPort quorumAddress, HostPort electionAddress, HostPort clientAddress,
        LearnerType type, boolean typeGiven, Setting setting) {
}
