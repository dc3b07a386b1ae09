package dev.menagerie.storage.file.impl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A test disk that is as slow as a control file says, for the fault-injection test
 * ({@value #FAULT_CONTROL_PROPERTY}): every channel it opens waits before each force (fsync) and, if asked, before
 * each write. The file holds the fsync delay in milliseconds, optionally followed by the write delay
 * ({@code "250"} or {@code "250 5"}); a missing or empty file means no delay. It is read again at most every
 * {@value #REREAD_MS} ms, so a test changes the delay of a running server by rewriting the file. A relative path in
 * the property is taken relative to the storage's dataDir, so one JVM flag serves every server of an ensemble.
 * Only for tests: the delays hold the storage's writer thread, as a slow disk would.
 */
final class SlowDisk implements LogChannel.Opener {

    static final String FAULT_CONTROL_PROPERTY = "menagerie.storage.faultControl";
    static final long REREAD_MS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(SlowDisk.class);

    private final LogChannel.Opener disk;
    private final Path control;
    private final LongSupplier clockNs;
    private long readAtNs;
    private boolean everRead;
    private Delays delays = Delays.NONE;
    private String lastProblem = "";

    /** The two delays the control file asks for. */
    record Delays(long fsyncMs, long writeMs) {
        static final Delays NONE = new Delays(0, 0);
    }

    SlowDisk(LogChannel.Opener disk, Path control, LongSupplier clockNs) {
        this.disk = disk;
        this.control = control;
        this.clockNs = clockNs;
    }

    /**
     * {@code disk} behind a {@link SlowDisk} when {@value #FAULT_CONTROL_PROPERTY} is set, else {@code disk}
     * itself.
     */
    static LogChannel.Opener wrapIfAsked(LogChannel.Opener disk, Path dataDir) {
        String property = System.getProperty(FAULT_CONTROL_PROPERTY, "").trim();
        if (property.isEmpty()) {
            return disk;
        }
        Path control = dataDir.resolve(property).toAbsolutePath();
        LOG.warn("TEST MODE {}={}: fsyncs (and writes) of {} wait as long as {} says", FAULT_CONTROL_PROPERTY,
                property, dataDir, control);
        return new SlowDisk(disk, control, System::nanoTime);
    }

    @Override
    public LogChannel create(Path file) throws IOException {
        return new SlowChannel(disk.create(file));
    }

    @Override
    public void move(Path from, Path to) throws IOException {
        disk.move(from, to);
    }

    /** A directory fsync is an fsync: it waits as long as one. */
    @Override
    public void syncDirectory(Path dir) throws IOException {
        pause(delays().fsyncMs());
        disk.syncDirectory(dir);
    }

    /** The delays in force now, from the control file as read at most {@value #REREAD_MS} ms ago. */
    synchronized Delays delays() {
        long now = clockNs.getAsLong();
        if (everRead && now - readAtNs < TimeUnit.MILLISECONDS.toNanos(REREAD_MS)) {
            return delays;
        }
        everRead = true;
        readAtNs = now;
        Delays read = readControl();
        if (!read.equals(delays)) {
            LOG.warn("TEST MODE slow disk: fsync delay {} ms, write delay {} ms from now on", read.fsyncMs(),
                    read.writeMs());
        }
        delays = read;
        return delays;
    }

    private Delays readControl() {
        String text;
        try {
            text = Files.readString(control, StandardCharsets.US_ASCII).trim();
        } catch (NoSuchFileException absent) {
            return Delays.NONE;
        } catch (IOException e) {
            return problem("cannot read " + control + ": " + e.getMessage());
        }
        if (text.isEmpty()) {
            return Delays.NONE;
        }
        String[] fields = text.split("\\s+");
        try {
            long fsyncMs = Long.parseLong(fields[0]);
            long writeMs = fields.length > 1 ? Long.parseLong(fields[1]) : 0;
            if (fields.length > 2 || fsyncMs < 0 || writeMs < 0) {
                return problem(control + " should hold \"<fsync ms> [<write ms>]\", not \"" + text + "\"");
            }
            lastProblem = "";
            return new Delays(fsyncMs, writeMs);
        } catch (NumberFormatException e) {
            return problem(control + " should hold \"<fsync ms> [<write ms>]\", not \"" + text + "\"");
        }
    }

    /** Logs a problem with the control file once (not every 100 ms) and means no delay. */
    private Delays problem(String what) {
        if (!what.equals(lastProblem)) {
            LOG.warn("TEST MODE slow disk: {}; no delay", what);
            lastProblem = what;
        }
        return Delays.NONE;
    }

    private static void pause(long ms) throws IOException {
        if (ms <= 0) {
            return;
        }
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the simulated slow disk waited", e);
        }
    }

    private final class SlowChannel implements LogChannel {

        private final LogChannel channel;

        SlowChannel(LogChannel channel) {
            this.channel = channel;
        }

        @Override
        public void write(ByteBuffer source, long position) throws IOException {
            pause(delays().writeMs());
            channel.write(source, position);
        }

        @Override
        public void force() throws IOException {
            pause(delays().fsyncMs());
            channel.force();
        }

        @Override
        public void truncate(long sizeBytes) throws IOException {
            channel.truncate(sizeBytes);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
