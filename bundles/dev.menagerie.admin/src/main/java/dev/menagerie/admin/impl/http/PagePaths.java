package dev.menagerie.admin.impl.http;

import java.util.regex.Pattern;

/** The rules for an {@link dev.menagerie.api.admin.AdminPage}'s mount path. */
final class PagePaths {

    /** One or more segments of URL-safe characters, each after a {@code /}; no trailing slash. */
    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)+");

    private PagePaths() {
    }

    static boolean valid(String path) {
        return PATH.matcher(path).matches();
    }

    /**
     * Whether a page at {@code path} would take requests meant for the commands at {@code commandUrl} (normalized,
     * "" for the root): the same path, or one lying under it. Commands at the root leave every other path free, as
     * the longest context wins.
     */
    static boolean clashes(String path, String commandUrl) {
        if (commandUrl.isEmpty()) {
            return false;
        }
        return path.equals(commandUrl) || path.startsWith(commandUrl + "/") || commandUrl.startsWith(path + "/");
    }
}
