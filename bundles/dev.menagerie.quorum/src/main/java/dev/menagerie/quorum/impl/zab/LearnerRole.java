package dev.menagerie.quorum.impl.zab;

/** Followers receive proposals and ack them; observers only learn committed transactions through INFORM. */
enum LearnerRole {
    FOLLOWER, OBSERVER
}
