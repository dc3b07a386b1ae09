package dev.menagerie.server.impl.host;

import dev.menagerie.api.metrics.CounterSet;
import dev.menagerie.api.transport.ConnectionHandler;
import dev.menagerie.api.transport.ServerCnxnFactory;
import java.io.IOException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the one client transport that is listening, and hands over to another without touching sessions: the
 * old transport is stopped first (its clients see the connection drop and reconnect within their session
 * timeout), then the new one binds the same addresses. Declarative Services binds a greedy replacement before
 * it unbinds the old service, so {@link #offer} does the hand-over and {@link #withdraw} of a replaced
 * transport does nothing.
 */
public final class TransportSlot {

    /** The registry's counter set of hand-overs per strategy role (not one of Apache's metrics). */
    public static final String SWAPS = "strategy_swaps";
    /** This slot's key in {@link #SWAPS}. */
    static final String ROLE = "transport";
    private static final Logger LOG = LoggerFactory.getLogger(TransportSlot.class);

    private final CounterSet swaps;
    /** Whether any transport was bound before: each later one is a swap. */
    private boolean everBound;

    private ServerCnxnFactory active;
    private String activeType;
    private TransportPlan plan;
    private ConnectionHandler handler;
    private boolean listening;

    /** @param swaps counts each transport bound after the first under {@value #ROLE} */
    public TransportSlot(CounterSet swaps) {
        this.swaps = swaps;
    }

    /** A transport became available (bound); it replaces the active one. */
    public synchronized void offer(ServerCnxnFactory factory, String type) {
        if (factory == active) {
            return;
        }
        if (everBound) {
            swaps.increment(ROLE);
        }
        everBound = true;
        if (listening) {
            prepare(factory, type);
        }
        stopActive();
        active = factory;
        activeType = type;
        startActive();
    }

    /** A transport went away (unbound, its bundle stopped). */
    public synchronized void withdraw(ServerCnxnFactory factory) {
        if (factory != active) {
            return;
        }
        stopActive();
        LOG.warn("The {} transport is gone; clients cannot connect until a transport of the configured type is"
                + " available again. Sessions stay open until they time out.", activeType);
        active = null;
        activeType = null;
    }

    /** The server is ready for clients: listen with {@code plan} on whichever transport is bound. */
    public synchronized void open(TransportPlan plan, ConnectionHandler handler) {
        this.plan = Objects.requireNonNull(plan);
        this.handler = Objects.requireNonNull(handler);
        startActive();
    }

    /** The listening addresses or limits changed: restart the active transport with them. */
    public synchronized void replan(TransportPlan newPlan) {
        if (newPlan.equals(plan)) {
            return;
        }
        plan = newPlan;
        if (handler != null) {
            stopActive();
            startActive();
        }
    }

    /** Stops listening; the transport stays bound for a later {@link #open}. */
    public synchronized void close() {
        stopActive();
        handler = null;
    }

    /** The active transport's TLS handshakes in progress (Apache's {@code outstanding_tls_handshake}). */
    public int outstandingTlsHandshakes() {
        ServerCnxnFactory factory = active();
        return factory == null ? 0 : factory.outstandingTlsHandshakes();
    }

    public synchronized ServerCnxnFactory active() {
        return active;
    }

    public synchronized boolean listening() {
        return listening;
    }

    private void startActive() {
        if (active == null || handler == null || listening) {
            return;
        }
        try {
            active.start(plan.settings(), handler);
            listening = true;
            LOG.info("Clients are served by the {} transport on {}", activeType, describe(active));
        } catch (IOException | RuntimeException e) {
            LOG.error("The {} transport could not start: {}", activeType, e.getMessage());
        }
    }

    /** Lets the incoming transport get ready while the outgoing one still serves. */
    private static void prepare(ServerCnxnFactory factory, String type) {
        try {
            factory.prepare();
        } catch (RuntimeException e) {
            LOG.warn("The {} transport could not get ready before the hand-over ({}); it starts from scratch",
                    type, e.toString());
        }
    }

    private void stopActive() {
        if (active != null && listening) {
            try {
                active.stop();
            } catch (RuntimeException e) {
                LOG.warn("The {} transport failed while stopping: {}", activeType, e.toString());
            }
        }
        listening = false;
    }

    private static String describe(ServerCnxnFactory factory) {
        StringBuilder where = new StringBuilder();
        if (factory.boundAddress() != null) {
            where.append(factory.boundAddress());
        }
        if (factory.boundSecureAddress() != null) {
            where.append(where.length() > 0 ? " and " : "").append(factory.boundSecureAddress()).append(" (TLS)");
        }
        return where.toString();
    }
}
