package dev.menagerie.it;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;

/** A watcher that queues the node events it is sent, for a test to take in order with a bounded wait. */
final class EventRecorder implements Watcher {

    private final BlockingQueue<WatchedEvent> events = new LinkedBlockingQueue<>();

    @Override
    public void process(WatchedEvent event) {
        if (event.getType() != Event.EventType.None) {
            events.add(event);
        }
    }

    /** The next node event, failing the test if none arrives within {@code timeout}. */
    WatchedEvent next(Duration timeout) throws InterruptedException {
        WatchedEvent event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
            throw new AssertionError("no watch event within " + timeout.toMillis() + " ms");
        }
        return event;
    }

    /** True when no node event arrived (yet). */
    boolean isEmpty() {
        return events.isEmpty();
    }
}
