package dev.menagerie.storage.file.impl;

import java.io.IOException;
import java.nio.ByteBuffer;

/** A log channel that passes everything to a real one; fault injection and tests override what differs. */
class ForwardingChannel implements LogChannel {

    private final LogChannel real;

    ForwardingChannel(LogChannel real) {
        this.real = real;
    }

    @Override
    public void write(ByteBuffer source, long position) throws IOException {
        real.write(source, position);
    }

    @Override
    public void force() throws IOException {
        real.force();
    }

    @Override
    public void truncate(long sizeBytes) throws IOException {
        real.truncate(sizeBytes);
    }

    @Override
    public void close() throws IOException {
        real.close();
    }
}
