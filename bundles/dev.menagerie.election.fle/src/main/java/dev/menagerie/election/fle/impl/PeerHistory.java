package dev.menagerie.election.fle.impl;

/** The local log facts a round starts from; read once at the start of every round. */
public interface PeerHistory {

    /** The epoch this peer last acknowledged (the {@code currentEpoch} file). */
    long currentEpoch();

    /** The zxid of the last transaction in the local log. */
    long lastLoggedZxid();
}
