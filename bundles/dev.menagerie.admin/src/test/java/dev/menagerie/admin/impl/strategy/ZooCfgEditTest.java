package dev.menagerie.admin.impl.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ZooCfgEditTest {

    @Test
    void everyLineOfTheKeyGetsTheValueWhateverItsSeparator() {
        assertEquals(List.of("storage=file", "#storage=old", "storageX=1", "storage=file", "storage=file"),
                ZooCfgEdit.withKey(List.of("storage=a", "#storage=old", "storageX=1", "  storage : b", "storage c"),
                        "storage", "file"));
    }

    @Test
    void aMissingKeyIsAppended() {
        assertEquals(List.of("tickTime=2000", "electionType=fast"),
                ZooCfgEdit.withKey(List.of("tickTime=2000"), "electionType", "fast"));
    }
}
