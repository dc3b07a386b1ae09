package dev.menagerie.jmx.impl;

import dev.menagerie.api.status.ServerStatus;

/** A follower's server bean. */
final class FollowerBean extends ElectedServerBean implements FollowerMXBean {

    FollowerBean(ServerStatus status, long nowMs) {
        super(status, nowMs);
    }
}
