package dev.menagerie.storage.file.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fault-injection test's slow disk: delays as the control file says, re-read every 100 ms, off by default. */
class SlowDiskTest {

    @TempDir
    Path dir;

    @Test
    void withoutThePropertyTheDiskIsTheRealOne() {
        assertEquals("", System.getProperty(SlowDisk.FAULT_CONTROL_PROPERTY, ""),
                "this test needs " + SlowDisk.FAULT_CONTROL_PROPERTY + " unset");
        assertSame(LogChannel.FILES, SlowDisk.wrapIfAsked(LogChannel.FILES, dir));
    }

    @Test
    void fsyncsWaitAsLongAsTheControlFileSaysAndTheDataStillArrives() throws Exception {
        Path control = dir.resolve("slow-disk");
        AtomicLong clockNs = new AtomicLong();
        SlowDisk disk = new SlowDisk(LogChannel.FILES, control, clockNs::get);
        Path file = dir.resolve("log.1");
        try (LogChannel channel = disk.create(file)) {
            assertTrue(timeMs(channel::force) < 150, "no control file must mean no delay");
            Files.writeString(control, "300\n");
            clockNs.addAndGet(TimeUnit.MILLISECONDS.toNanos(SlowDisk.REREAD_MS));
            channel.write(ByteBuffer.wrap(new byte[] {1, 2, 3}), 0);
            long forceMs = timeMs(channel::force);
            assertTrue(forceMs >= 300, "an fsync took " + forceMs + " ms with a 300 ms delay asked for");
        }
        assertEquals(3, Files.size(file));
    }

    @Test
    void theControlFileIsReadAtMostEvery100MsAndNonsenseMeansNoDelay() throws Exception {
        Path control = dir.resolve("slow-disk");
        AtomicLong clockNs = new AtomicLong();
        SlowDisk disk = new SlowDisk(LogChannel.FILES, control, clockNs::get);
        Files.writeString(control, "250 7");
        assertEquals(new SlowDisk.Delays(250, 7), disk.delays());
        Files.writeString(control, "0");
        clockNs.addAndGet(TimeUnit.MILLISECONDS.toNanos(SlowDisk.REREAD_MS - 1));
        assertEquals(new SlowDisk.Delays(250, 7), disk.delays(), "re-read before 100 ms passed");
        clockNs.addAndGet(TimeUnit.MILLISECONDS.toNanos(2));
        assertEquals(SlowDisk.Delays.NONE, disk.delays());
        Files.writeString(control, "slow");
        clockNs.addAndGet(TimeUnit.MILLISECONDS.toNanos(SlowDisk.REREAD_MS));
        assertEquals(SlowDisk.Delays.NONE, disk.delays());
        Files.writeString(control, "-5");
        clockNs.addAndGet(TimeUnit.MILLISECONDS.toNanos(SlowDisk.REREAD_MS));
        assertEquals(SlowDisk.Delays.NONE, disk.delays());
        Files.delete(control);
        Files.writeString(control, "40");
        clockNs.addAndGet(TimeUnit.MILLISECONDS.toNanos(SlowDisk.REREAD_MS));
        assertEquals(new SlowDisk.Delays(40, 0), disk.delays());
    }

    private interface Action {
        void run() throws Exception;
    }

    private static long timeMs(Action action) throws Exception {
        long start = System.nanoTime();
        action.run();
        return (System.nanoTime() - start) / 1_000_000;
    }
}
