package dev.menagerie.admin.impl.runtime;

import java.util.function.Supplier;

/**
 * The service an optional, dynamic, greedy reference holds now. Declarative Services binds the greedy replacement
 * before it unbinds the old service, so an unbind empties the slot only when no newer service took it.
 *
 * @param <T> the service type
 */
public final class GreedySlot<T> implements Supplier<T> {

    private volatile T current;

    public synchronized void bind(T service) {
        current = service;
    }

    public synchronized void unbind(T service) {
        if (current == service) {
            current = null;
        }
    }

    /** The bound service, null while none is. */
    @Override
    public T get() {
        return current;
    }
}
