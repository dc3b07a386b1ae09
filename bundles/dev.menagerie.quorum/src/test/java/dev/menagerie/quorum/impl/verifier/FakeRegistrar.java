package dev.menagerie.quorum.impl.verifier;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.quorum.QuorumVerifier;
import dev.menagerie.api.quorum.QuorumVerifierFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A service registry of one interface that records what is live, the order of changes, and any overlap of callers. */
final class FakeRegistrar implements VerifierPublisher.Registrar {

    record Live(QuorumVerifier verifier, Map<String, Object> properties) {
        String type() {
            return (String) properties.get(QuorumVerifierFactory.TYPE);
        }

        long revision() {
            return (Long) properties.get(ServerConfig.REVISION);
        }
    }

    private final List<Live> live = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private final AtomicInteger callersInside = new AtomicInteger();
    private volatile boolean callersOverlapped;
    private int mostLiveAtOnce;

    @Override
    public VerifierPublisher.Registration register(QuorumVerifier verifier, Map<String, Object> props) {
        Live entry = new Live(verifier, props);
        // The overlap check sits outside the lock: the publisher, not this fake, must keep callers apart.
        enter();
        try {
            synchronized (this) {
                live.add(entry);
                mostLiveAtOnce = Math.max(mostLiveAtOnce, live.size());
                events.add("register " + props.get(ServerConfig.REVISION));
            }
            Thread.yield();
            return () -> unregister(entry);
        } finally {
            callersInside.decrementAndGet();
        }
    }

    private void unregister(Live entry) {
        enter();
        try {
            synchronized (this) {
                if (!live.remove(entry)) {
                    throw new IllegalStateException("unregistered twice");
                }
                events.add("unregister " + entry.properties().get(ServerConfig.REVISION));
            }
            Thread.yield();
        } finally {
            callersInside.decrementAndGet();
        }
    }

    private void enter() {
        if (callersInside.incrementAndGet() > 1) {
            callersOverlapped = true;
        }
    }

    synchronized List<Live> live() {
        return List.copyOf(live);
    }

    /** The one live registration; fails when there is none or more than one. */
    synchronized Live only() {
        if (live.size() != 1) {
            throw new AssertionError("expected one live verifier, found " + live);
        }
        return live.get(0);
    }

    synchronized List<String> events() {
        return List.copyOf(events);
    }

    synchronized int mostLiveAtOnce() {
        return mostLiveAtOnce;
    }

    boolean callersOverlapped() {
        return callersOverlapped;
    }
}
