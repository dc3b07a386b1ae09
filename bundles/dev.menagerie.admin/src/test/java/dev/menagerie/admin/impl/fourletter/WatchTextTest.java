package dev.menagerie.admin.impl.fourletter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.menagerie.api.status.WatchesStatus;
import dev.menagerie.api.status.WatchesStatus.ConnectionWatches;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.apache.zookeeper.server.DumbWatcher;
import org.apache.zookeeper.server.watch.WatchManager;
import org.junit.jupiter.api.Test;

/** wchs, wchc and wchp print what Apache ZooKeeper 3.9.5's watch manager prints for the same watches. */
class WatchTextTest {

    @Test
    void summaryTextIsApaches() {
        WatchManager apache = new WatchManager();
        DumbWatcher first = new DumbWatcher(1);
        apache.addWatch("/a", first);
        apache.addWatch("/b", first);
        apache.addWatch("/a", new DumbWatcher(2));
        WatchesStatus ours = new WatchesStatus(2, 2, 3,
                List.of(new ConnectionWatches(1, List.of("/a", "/b")), new ConnectionWatches(2, List.of("/a"))),
                Map.of("/a", List.of(1L, 2L), "/b", List.of(1L)));

        assertEquals(apache + "\n", WatchText.summary(ours));
    }

    @Test
    void byConnectionAndByPathAreApaches() {
        WatchManager apache = new WatchManager();
        apache.addWatch("/a/b", new DumbWatcher(0xabcL));
        WatchesStatus ours = new WatchesStatus(1, 1, 1, List.of(new ConnectionWatches(0xabcL, List.of("/a/b"))),
                Map.of("/a/b", List.of(0xabcL)));

        assertEquals(apacheDump(apache, false), WatchText.byConnection(ours));
        assertEquals(apacheDump(apache, true), WatchText.byPath(ours));
    }

    @Test
    void noWatchesIsTheBlankLineApachePrints() {
        WatchesStatus none = new WatchesStatus(0, 0, 0, List.of(), Map.of());

        assertEquals(apacheDump(new WatchManager(), false), WatchText.byConnection(none));
        assertEquals("0 connections watching 0 paths\nTotal watches:0\n", WatchText.summary(none));
    }

    private static String apacheDump(WatchManager apache, boolean byPath) {
        StringWriter text = new StringWriter();
        PrintWriter writer = new PrintWriter(text);
        apache.dumpWatches(writer, byPath);
        writer.println();
        writer.flush();
        return text.toString();
    }
}
