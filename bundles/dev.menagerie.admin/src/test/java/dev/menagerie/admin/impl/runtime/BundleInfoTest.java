package dev.menagerie.admin.impl.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

class BundleInfoTest {

    @Test
    void aResolvedFragmentCountsAsActiveButAResolvedBundleDoesNot() {
        assertTrue(new BundleInfo("logback.config", Bundle.RESOLVED, true).isActive());
        assertFalse(new BundleInfo("dev.menagerie.quorum", Bundle.RESOLVED, false).isActive());
        assertFalse(new BundleInfo("logback.config", Bundle.INSTALLED, true).isActive());
        assertTrue(new BundleInfo("dev.menagerie.api", Bundle.ACTIVE, false).isActive());
    }

    @Test
    void describesABundleByNameAndState() {
        assertEquals("dev.menagerie.x STARTING", new BundleInfo("dev.menagerie.x", Bundle.STARTING, false).describe());
        assertEquals("dev.menagerie.x INSTALLED",
                new BundleInfo("dev.menagerie.x", Bundle.INSTALLED, false).describe());
    }
}
