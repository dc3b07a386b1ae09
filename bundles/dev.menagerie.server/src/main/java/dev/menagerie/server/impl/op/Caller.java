package dev.menagerie.server.impl.op;

import dev.menagerie.protocol.data.Id;
import dev.menagerie.server.impl.watch.Watcher;
import java.util.List;

/**
 * Who sent a read.
 *
 * @param watcher the connection watches are registered for; null for a request without a client
 */
public record Caller(Watcher watcher, long sessionId, List<Id> authIds) {
}
