package dev.menagerie.server.impl.pipeline;

import dev.menagerie.protocol.txn.TxnHeader;
import dev.menagerie.server.impl.db.Database;
import dev.menagerie.server.impl.failstop.FailStop;
import dev.menagerie.server.impl.stats.ServerMetrics;
import java.util.function.Consumer;

/**
 * What a pipeline or a learner stage runs against: the database, access control, its settings, the admission
 * count its answers release, and what the server does after each applied transaction (on the applying thread:
 * snapshots, closing the connection of a closed session), where it reports what must never happen, and the
 * metrics its answers feed.
 */
public record StageContext(Database db, Access access, StageSettings settings, Admission admission,
        Consumer<TxnHeader> afterTxn, FailStop failStop, ServerMetrics metrics) {
}
