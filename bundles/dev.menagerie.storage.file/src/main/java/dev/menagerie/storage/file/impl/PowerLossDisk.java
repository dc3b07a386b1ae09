package dev.menagerie.storage.file.impl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A test disk whose write cache is this JVM's heap: writes and truncations reach the file only when the channel is
 * forced. Killing the process (SIGKILL keeps the OS page cache) then loses exactly what a power cut would, which is
 * how the process crash tests use it ({@code menagerie.storage.simulatePowerLoss}). In-JVM tests call
 * {@link #losePower}: each channel's unforced operations are kept up to a random point, the write at that point
 * possibly torn, the rest dropped, as a disk that wrote some of its cache in order before the lights went out.
 *
 * <p>Closing a channel drops what was not forced (one outcome a power cut may have). A file created or renamed
 * through this disk is durable only once its directory is synced ({@link #syncDirectory}): a power cut keeps a
 * random prefix of each directory's unsynced creates and renames and undoes the rest, newest first (a created file
 * vanishes, forced data and all; a rename is reversed and the file it replaced comes back). Deletes are durable at
 * once. In the process test mode the real file system does the renames, so only the in-JVM tests see undone ones.
 * Only for tests: the cache grows without bound while nothing forces.
 */
final class PowerLossDisk implements LogChannel.Opener {

    private final List<CachedChannel> open = new ArrayList<>();
    private final Map<Path, List<DirectoryChange>> unsyncedChanges = new LinkedHashMap<>();
    private final boolean syncFiles;
    private boolean powerLost;

    /**
     * @param syncFiles whether a force also fsyncs the real file: the process tests need it (the machine may lose
     *     power for real), in-JVM tests that cut the power themselves do not
     */
    PowerLossDisk(boolean syncFiles) {
        this.syncFiles = syncFiles;
    }

    @Override
    public synchronized LogChannel create(Path file) throws IOException {
        checkPower();
        CachedChannel channel = new CachedChannel(FileChannel.open(file, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE));
        open.add(channel);
        changesIn(file).add(new DirectoryChange(null, file, null));
        return channel;
    }

    @Override
    public synchronized void move(Path from, Path to) throws IOException {
        checkPower();
        byte[] replaced = Files.exists(to) ? Files.readAllBytes(to) : null;
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        changesIn(to).add(new DirectoryChange(from, to, replaced));
    }

    @Override
    public synchronized void syncDirectory(Path dir) throws IOException {
        checkPower();
        unsyncedChanges.remove(dir);
        if (syncFiles) {
            StorageFiles.fsyncDirectory(dir);
        }
    }

    private List<DirectoryChange> changesIn(Path file) {
        return unsyncedChanges.computeIfAbsent(file.getParent(), dir -> new ArrayList<>());
    }

    /**
     * Cuts the power: every open channel keeps a random prefix of its unforced operations (the last one kept
     * possibly cut short) and is closed; from now on every operation fails. Returns how many unforced bytes were lost.
     */
    synchronized long losePower(Random random) throws IOException {
        powerLost = true;
        long lostBytes = 0;
        for (CachedChannel channel : open) {
            lostBytes += channel.applyPrefix(random);
            channel.file.close();
        }
        open.clear();
        for (List<DirectoryChange> changes : unsyncedChanges.values()) {
            int kept = random.nextInt(changes.size() + 1);
            for (int i = changes.size() - 1; i >= kept; i--) {
                changes.get(i).undo();
            }
        }
        unsyncedChanges.clear();
        return lostBytes;
    }

    /**
     * A create ({@code from} null) or a rename of {@code from} to {@code to} whose directory entry is not yet
     * durable; {@code replaced} is the content of the file the rename replaced, if there was one.
     */
    private record DirectoryChange(Path from, Path to, byte[] replaced) {

        void undo() throws IOException {
            if (from == null) {
                Files.deleteIfExists(to);
                return;
            }
            if (Files.exists(to)) {
                Files.move(to, from, StandardCopyOption.REPLACE_EXISTING);
            }
            if (replaced != null) {
                Files.write(to, replaced);
            }
        }
    }

    private void checkPower() throws IOException {
        if (powerLost) {
            throw new IOException("simulated power loss: the disk is gone");
        }
    }

    /** One unforced operation: a write of bytes at a position, or a truncation to a size (bytes null). */
    private record Pending(long position, byte[] bytes) {

        long apply(FileChannel file, int keepBytes) throws IOException {
            if (bytes == null) {
                file.truncate(position);
                return 0;
            }
            ByteBuffer source = ByteBuffer.wrap(bytes, 0, keepBytes);
            long at = position;
            while (source.hasRemaining()) {
                at += file.write(source, at);
            }
            return bytes.length - keepBytes;
        }
    }

    private final class CachedChannel implements LogChannel {

        private final FileChannel file;
        private final List<Pending> pending = new ArrayList<>();

        CachedChannel(FileChannel file) {
            this.file = file;
        }

        @Override
        public void write(ByteBuffer source, long position) throws IOException {
            byte[] bytes = new byte[source.remaining()];
            source.get(bytes);
            synchronized (PowerLossDisk.this) {
                checkPower();
                pending.add(new Pending(position, bytes));
            }
        }

        @Override
        public void force() throws IOException {
            synchronized (PowerLossDisk.this) {
                checkPower();
                for (Pending op : pending) {
                    op.apply(file, op.bytes() == null ? 0 : op.bytes().length);
                }
                pending.clear();
                if (syncFiles) {
                    file.force(false);
                }
            }
        }

        @Override
        public void truncate(long sizeBytes) throws IOException {
            synchronized (PowerLossDisk.this) {
                checkPower();
                pending.add(new Pending(sizeBytes, null));
            }
        }

        @Override
        public void close() throws IOException {
            synchronized (PowerLossDisk.this) {
                pending.clear();
                if (open.remove(this)) {
                    file.close();
                }
            }
        }

        long applyPrefix(Random random) throws IOException {
            int kept = random.nextInt(pending.size() + 1);
            long lostBytes = 0;
            for (int i = 0; i < pending.size(); i++) {
                Pending op = pending.get(i);
                int length = op.bytes() == null ? 0 : op.bytes().length;
                if (i < kept) {
                    op.apply(file, length);
                } else if (i == kept && length > 0 && random.nextBoolean()) {
                    lostBytes += op.apply(file, random.nextInt(length)); // torn: a prefix reached the platter
                } else {
                    lostBytes += length;
                }
            }
            pending.clear();
            return lostBytes;
        }
    }
}
