package dev.menagerie.server.impl.watch;

import java.util.ArrayList;
import java.util.List;

/** Walks a path up to the root, as Apache's {@code PathParentIterator}. */
final class PathParents {
    private PathParents() {
    }

    /** {@code path} followed by each ancestor up to {@code "/"}: {@code /a/b, /a, /}. Assumes a valid path. */
    static List<String> selfAndAncestors(String path) {
        List<String> paths = new ArrayList<>();
        String current = path;
        while (!current.isEmpty()) {
            paths.add(current);
            current = parentOf(current);
        }
        return paths;
    }

    /** The parent of {@code path}; {@code "/"} for a top-level node and {@code ""} for the root. */
    static String parentOf(String path) {
        if (path.equals("/")) {
            return "";
        }
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }
}
