package dev.menagerie.server.impl.status;

import dev.menagerie.api.status.FourLetterWordHandler;
import java.util.Optional;

/**
 * The four-letter word handler the client port hands words to. Declarative Services binds the greedy replacement
 * before it unbinds the old handler, so an unbind only clears the slot when no newer handler took it.
 */
public final class FourLetterWordSlot {

    private volatile FourLetterWordHandler handler;

    public synchronized void bind(FourLetterWordHandler newHandler) {
        handler = newHandler;
    }

    public synchronized void unbind(FourLetterWordHandler oldHandler) {
        if (handler == oldHandler) {
            handler = null;
        }
    }

    /** The handler now, empty while none is registered. */
    public Optional<FourLetterWordHandler> current() {
        return Optional.ofNullable(handler);
    }
}
