package dev.menagerie.server.impl.status;

import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.status.FourLetterWordHandler;
import dev.menagerie.testing.Components;

/** Test servers answer four-letter words as the runtime does: through the admin bundle's handler service. */
public final class FourLetterWordsInTests {

    private FourLetterWordsInTests() {
    }

    /**
     * A slot holding the admin bundle's handler, as Declarative Services binds it in the runtime, reporting the
     * metrics of {@code metrics} (the server's registry).
     */
    public static FourLetterWordSlot handledByAdmin(MetricsRegistry metrics) {
        FourLetterWordSlot slot = new FourLetterWordSlot();
        slot.bind(Components.create(FourLetterWordHandler.class, metrics).service());
        return slot;
    }
}
