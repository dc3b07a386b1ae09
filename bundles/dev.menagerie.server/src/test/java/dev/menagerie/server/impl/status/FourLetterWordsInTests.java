package dev.menagerie.server.impl.status;

import dev.menagerie.api.status.FourLetterWordHandler;
import dev.menagerie.testing.Components;

/** Test servers answer four-letter words as the runtime does: through the admin bundle's handler service. */
public final class FourLetterWordsInTests {

    private FourLetterWordsInTests() {
    }

    /** A slot holding the admin bundle's handler, as Declarative Services binds it in the runtime. */
    public static FourLetterWordSlot handledByAdmin() {
        FourLetterWordSlot slot = new FourLetterWordSlot();
        slot.bind(Components.create(FourLetterWordHandler.class).service());
        return slot;
    }
}
