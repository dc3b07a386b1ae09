package dev.menagerie.quorum.impl.zab;

/** A transaction as the leader read it from its log to sync a learner: its zxid and its bytes. */
record LoggedTxn(long zxid, byte[] txn) {
}
