package dev.menagerie.config.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** What the watcher compares between polls: modification time and size; absent when the file is missing. */
record FileStamp(long modifiedMillis, long sizeBytes) {

    static final FileStamp ABSENT = new FileStamp(-1, -1);

    static FileStamp of(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileStamp(attributes.lastModifiedTime().toMillis(), attributes.size());
        } catch (IOException e) {
            return ABSENT;
        }
    }
}
