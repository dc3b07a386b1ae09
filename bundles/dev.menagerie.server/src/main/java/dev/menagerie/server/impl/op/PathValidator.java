package dev.menagerie.server.impl.op;

/**
 * Apache ZooKeeper's rules for znode paths: absolute, no trailing slash, no empty, "." or ".." segments, and no
 * control or private-use characters. Requests that break them fail with BadArguments.
 */
public final class PathValidator {

    private PathValidator() {
    }

    /** Null when {@code path} is valid, otherwise the reason, worded as Apache words it. */
    public static String problem(String path) {
        if (path == null) {
            return "Path cannot be null";
        }
        if (path.isEmpty()) {
            return "Path length must be > 0";
        }
        if (path.charAt(0) != '/') {
            return "Path must start with / character";
        }
        if (path.length() == 1) {
            return null;
        }
        if (path.charAt(path.length() - 1) == '/') {
            return "Path must not end with / character";
        }
        char previous = '/';
        for (int i = 1; i < path.length(); previous = path.charAt(i), i++) {
            String reason = problemAt(path, i, previous);
            if (reason != null) {
                return "Invalid path string \"" + path + "\" caused by " + reason + " @" + i;
            }
        }
        return null;
    }

    public static boolean isValid(String path) {
        return problem(path) == null;
    }

    private static String problemAt(String path, int i, char previous) {
        char c = path.charAt(i);
        if (c == 0) {
            return "null character not allowed";
        }
        if (c == '/' && previous == '/') {
            return "empty node name specified";
        }
        boolean segmentEnds = i + 1 == path.length() || path.charAt(i + 1) == '/';
        if (c == '.' && previous == '.' && path.charAt(i - 2) == '/' && segmentEnds) {
            return "relative paths not allowed";
        }
        if (c == '.' && previous == '/' && segmentEnds) {
            return "relative paths not allowed";
        }
        if (c <= '\u001f' || c >= '\u007f' && c <= '\u009f' || c >= '\ud800' && c <= '\uf8ff' || c >= '\ufff0') {
            return "invalid character";
        }
        return null;
    }

    /** The parent of an absolute path ("/" for top-level nodes), or null for the root and malformed paths. */
    public static String parent(String path) {
        int lastSlash = path.lastIndexOf('/');
        if (lastSlash < 0 || path.length() == 1) {
            return null;
        }
        return lastSlash == 0 ? "/" : path.substring(0, lastSlash);
    }
}
