package dev.menagerie.storage.file.tool;

import java.io.File;

/** The file checks and name parsing Apache ZooKeeper's tools share, with their messages. */
final class ToolFiles {

    private ToolFiles() {
    }

    /** Apache's {@code ZKUtil.validateFileInput}: why the file cannot be read, null when it can. */
    static String problem(String path) {
        File file = new File(path);
        if (!file.exists()) {
            return "File '" + file.getAbsolutePath() + "' does not exist.";
        }
        if (!file.canRead()) {
            return "Read permission is denied on the file '" + file.getAbsolutePath() + "'";
        }
        if (file.isDirectory()) {
            return "'" + file.getAbsolutePath() + "' is a directory. it must be a file.";
        }
        return null;
    }

    /** The zxid in a name {@code snapshot.<hex>[.suffix]}, -1 when the name is not one (Apache's rule). */
    static long zxidOfName(String name) {
        String[] parts = name.split("\\.");
        if (parts.length >= 2 && parts[0].equals("snapshot")) {
            try {
                return Long.parseLong(parts[1], 16);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }
}
