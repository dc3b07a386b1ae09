package dev.menagerie.storage.file.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A test-only fault for the process tests of fail-stop ({@code integration-tests/process} {@code FailStopExitTest}):
 * with the system property {@value #PROPERTY}{@code =<file>}, every fsync of a file this storage writes fails while
 * {@code <file>} exists, so a test can make a running server's disk fail at the moment it chooses. Off unless the
 * property is set; it never belongs in production.
 */
final class FsyncFault implements LogChannel.Opener {

    static final String PROPERTY = "menagerie.storage.failFsyncWhileExists";

    private static final Logger LOG = LoggerFactory.getLogger(FsyncFault.class);

    private final LogChannel.Opener real;
    private final Path trigger;

    private FsyncFault(LogChannel.Opener real, Path trigger) {
        this.real = real;
        this.trigger = trigger;
    }

    /** {@code opener} itself unless the property is set. */
    static LogChannel.Opener wrap(LogChannel.Opener opener) {
        String trigger = System.getProperty(PROPERTY, "");
        if (trigger.isBlank()) {
            return opener;
        }
        LOG.warn("TEST MODE {}={}: every fsync of the storage fails while that file exists", PROPERTY, trigger);
        return new FsyncFault(opener, Path.of(trigger));
    }

    @Override
    public LogChannel create(Path file) throws IOException {
        return new ForwardingChannel(real.create(file)) {
            @Override
            public void force() throws IOException {
                checkTrigger();
                super.force();
            }
        };
    }

    @Override
    public void move(Path from, Path to) throws IOException {
        real.move(from, to);
    }

    @Override
    public void syncDirectory(Path dir) throws IOException {
        checkTrigger();
        real.syncDirectory(dir);
    }

    private void checkTrigger() throws IOException {
        if (Files.exists(trigger)) {
            throw new IOException("test fault: fsync refused while " + trigger + " exists (" + PROPERTY + ")");
        }
    }
}
