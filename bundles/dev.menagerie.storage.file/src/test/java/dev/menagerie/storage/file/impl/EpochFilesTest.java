package dev.menagerie.storage.file.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpochFilesTest {

    @TempDir
    Path dir;

    @Test
    void absentEpochsAreZero() throws IOException {
        try (FileStorage storage = TestStorage.open(dir)) {
            assertEquals(0, storage.currentEpoch());
            assertEquals(0, storage.acceptedEpoch());
        }
    }

    @Test
    void epochsAreDecimalTextInTheSnapshotDirectory() throws IOException {
        try (FileStorage storage = TestStorage.open(dir)) {
            storage.setAcceptedEpoch(12);
            storage.setCurrentEpoch(11);
            storage.setCurrentEpoch(12);
        }
        Path versionDir = dir.resolve("version-2");
        assertEquals("12", Files.readString(versionDir.resolve("currentEpoch")));
        assertEquals("12", Files.readString(versionDir.resolve("acceptedEpoch")));
        assertFalse(Files.exists(versionDir.resolve("currentEpoch.tmp")), "the temp file is renamed into place");
        try (FileStorage storage = TestStorage.open(dir)) {
            assertEquals(12, storage.currentEpoch());
            assertEquals(12, storage.acceptedEpoch());
        }
    }

    @Test
    void readsApacheWrittenFilesWithNewline() throws IOException {
        Path versionDir = Files.createDirectories(dir.resolve("version-2"));
        Files.writeString(versionDir.resolve("acceptedEpoch"), "7\n");
        try (FileStorage storage = TestStorage.open(dir)) {
            assertEquals(7, storage.acceptedEpoch());
        }
    }

    @Test
    void garbageIsAClearError() throws IOException {
        Path versionDir = Files.createDirectories(dir.resolve("version-2"));
        Files.writeString(versionDir.resolve("currentEpoch"), "seven");
        try (FileStorage storage = TestStorage.open(dir)) {
            IOException e = assertThrows(IOException.class, storage::currentEpoch);
            assertTrue(e.getMessage().contains("currentEpoch") && e.getMessage().contains("seven"), e.getMessage());
        }
    }
}
