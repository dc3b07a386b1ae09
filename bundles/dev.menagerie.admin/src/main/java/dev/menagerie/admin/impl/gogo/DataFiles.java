package dev.menagerie.admin.impl.gogo;

import dev.menagerie.api.status.ServerStatus;
import dev.menagerie.api.status.ServingConfiguration;
import dev.menagerie.api.status.SnapshotFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * {@code menagerie:snapshot} and {@code menagerie:purge}: what the server wrote or deleted, named by file, read from
 * the {@code version-2} folders under dataDir and dataLogDir where Apache's layout keeps them.
 */
final class DataFiles {

    private static final String VERSION_FOLDER = "version-2";

    private DataFiles() {
    }

    static String snapshot(ServerStatus server) throws IOException {
        SnapshotFile file = server.takeSnapshot();
        return "snapshot 0x" + Long.toHexString(file.zxid()) + " written: " + file.path() + " ("
                + Files.size(file.path()) + " bytes)" + System.lineSeparator();
    }

    static String purge(ServerStatus server) throws IOException {
        ServingConfiguration configuration = server.configuration();
        List<Path> folders = List.of(configuration.dataDir().resolve(VERSION_FOLDER),
                configuration.dataLogDir().resolve(VERSION_FOLDER));
        TreeSet<Path> before = dataFiles(folders);
        server.purge();
        TreeSet<Path> after = dataFiles(folders);
        List<Path> deleted = new ArrayList<>(before);
        deleted.removeAll(after);
        StringBuilder text = new StringBuilder();
        text.append("purge deleted ").append(Counted.of(deleted.size(), "file")).append("; kept ")
                .append(Counted.of(count(after, "snapshot."), "snapshot")).append(" and ")
                .append(Counted.of(count(after, "log."), "transaction log")).append(System.lineSeparator());
        deleted.forEach(path -> text.append("  deleted ").append(path).append(System.lineSeparator()));
        return text.toString();
    }

    private static TreeSet<Path> dataFiles(List<Path> folders) throws IOException {
        TreeSet<Path> files = new TreeSet<>();
        for (Path folder : new TreeSet<>(folders)) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> listing = Files.list(folder)) {
                listing.filter(path -> isDataFile(path.getFileName().toString())).forEach(files::add);
            }
        }
        return files;
    }

    private static boolean isDataFile(String name) {
        return name.startsWith("snapshot.") || name.startsWith("log.");
    }

    private static long count(TreeSet<Path> files, String prefix) {
        return files.stream().filter(path -> path.getFileName().toString().startsWith(prefix)).count();
    }
}
