package dev.menagerie.admin.impl.pause;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.admin.impl.pause.PauseDetector.GcCounts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PauseDetectorTest {

    private static final PauseMonitorSettings SETTINGS = new PauseMonitorSettings(true, 500, 1000, 10_000);
    private static final List<GcCounts> GC_BEFORE = List.of(new GcCounts("G1 Young Generation", 10, 100),
            new GcCounts("G1 Old Generation", 1, 50));

    @Test
    void aSleepThatTookAboutAsLongAsAskedIsNotReported() {
        PauseDetector detector = new PauseDetector(SETTINGS, GC_BEFORE);
        assertNull(detector.look(520, GC_BEFORE));
        assertNull(detector.look(1500, GC_BEFORE), "1000 ms extra is not over the INFO threshold");
        assertEquals(0, detector.infoCount() + detector.warnCount());
    }

    @Test
    void aPauseOverTheInfoThresholdIsAnInfoLineNamingTheCollections() {
        PauseDetector detector = new PauseDetector(SETTINGS, GC_BEFORE);
        PauseDetector.Report report = detector.look(2600, List.of(new GcCounts("G1 Young Generation", 12, 2100),
                new GcCounts("G1 Old Generation", 1, 50)));
        assertFalse(report.warn());
        assertEquals("Detected pause in JVM or host machine (eg GC): pause of approximately 2100ms; GC pool"
                + " 'G1 Young Generation' had collection(s): count=2 time=2000ms", report.line());
        assertEquals(1, detector.infoCount());
        assertEquals(2100, detector.totalExtraMs());
    }

    @Test
    void aPauseOverTheWarnThresholdIsAWarnLineEvenWithoutCollections() {
        PauseDetector detector = new PauseDetector(SETTINGS, GC_BEFORE);
        PauseDetector.Report report = detector.look(12_000, GC_BEFORE);
        assertTrue(report.warn());
        assertTrue(report.line().endsWith("pause of approximately 11500ms; no GCs detected"), report.line());
        assertEquals(1, detector.warnCount());
    }

    @Test
    void settingsComeFromZooCfgWithApachesDefaults() {
        assertEquals(PauseMonitorSettings.OFF, PauseMonitorSettings.from(Map.of()));
        assertEquals(new PauseMonitorSettings(true, 200, 300, 4000), PauseMonitorSettings.from(Map.of(
                "jvm.pause.monitor", "true", "jvm.pause.sleep.time.ms", "200", "jvm.pause.info-threshold.ms", " 300",
                "jvm.pause.warn-threshold.ms", "4000")));
    }
}
