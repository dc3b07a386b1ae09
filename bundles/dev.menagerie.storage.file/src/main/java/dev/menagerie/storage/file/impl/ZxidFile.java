package dev.menagerie.storage.file.impl;

import java.nio.file.Path;

/** A log or snapshot file and the zxid its name carries (the first zxid of a log, the state of a snapshot). */
record ZxidFile(long zxid, Path path) {

    String name() {
        return path.getFileName().toString();
    }
}
