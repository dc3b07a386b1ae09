package dev.menagerie.server.impl.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.menagerie.protocol.AddWatchMode;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.apache.zookeeper.server.DumbWatcher;
import org.junit.jupiter.api.Test;

class WatchReportsTest {

    @Test
    void summaryTextIsApaches() {
        WatchManager ours = new WatchManager();
        org.apache.zookeeper.server.watch.WatchManager apache = new org.apache.zookeeper.server.watch.WatchManager();
        DumbWatcher first = new DumbWatcher(1);
        DumbWatcher second = new DumbWatcher(2);
        RecordingWatcher one = new RecordingWatcher(1);
        RecordingWatcher two = new RecordingWatcher(2);
        apache.addWatch("/a", first);
        apache.addWatch("/b", first);
        apache.addWatch("/a", second);
        ours.addWatch("/a", one, WatcherMode.STANDARD);
        ours.addWatch("/b", one, WatcherMode.STANDARD);
        ours.addWatch("/a", two, WatcherMode.STANDARD);
        assertEquals(apache + "\n", WatchReports.summary(ours));
    }

    @Test
    void byConnectionAndByPathMatchApacheForOneConnection() {
        WatchManager ours = new WatchManager();
        org.apache.zookeeper.server.watch.WatchManager apache = new org.apache.zookeeper.server.watch.WatchManager();
        apache.addWatch("/a/b", new DumbWatcher(0xabcL));
        ours.addWatch("/a/b", new RecordingWatcher(0xabcL), WatcherMode.STANDARD);
        assertEquals(apacheDump(apache, false), WatchReports.byConnection(ours));
        assertEquals(apacheDump(apache, true), WatchReports.byPath(ours));
    }

    @Test
    void reportsListOnlyDataWatchesAsApacheDoes() {
        WatchRouter router = new WatchRouter();
        RecordingWatcher client = new RecordingWatcher(0x10);
        router.watchChildren("/kids", client);
        router.addWatch("/p", client, AddWatchMode.PERSISTENT);
        assertEquals("0x10\n\t/p\n\n", WatchReports.byConnection(router.dataWatches()));
        assertEquals("/p\n\t0x10\n\n", WatchReports.byPath(router.dataWatches()));
        assertEquals(3, router.watchCount(), "but the watch count covers both managers");
    }

    @Test
    void aConnectionWhoseWatchesAllFiredIsStillCountedAsInApache() {
        WatchManager watches = new WatchManager();
        watches.addWatch("/a", new RecordingWatcher(5), WatcherMode.STANDARD);
        watches.trigger("/a");
        assertEquals("1 connections watching 0 paths\nTotal watches:0\n", WatchReports.summary(watches));
        assertEquals("0x5\n\n", WatchReports.byConnection(watches));
    }

    private static String apacheDump(org.apache.zookeeper.server.watch.WatchManager apache, boolean byPath) {
        StringWriter text = new StringWriter();
        PrintWriter writer = new PrintWriter(text);
        apache.dumpWatches(writer, byPath);
        writer.println();
        writer.flush();
        return text.toString();
    }
}
