package dev.menagerie.server.impl.op;

import dev.menagerie.protocol.data.Id;
import java.util.List;

/** Who sent a write and what prep gave it: its session, its auth ids, its zxid and its time. */
public record TxnStamp(long sessionId, List<Id> authIds, long zxid, long timeMs) {
}
