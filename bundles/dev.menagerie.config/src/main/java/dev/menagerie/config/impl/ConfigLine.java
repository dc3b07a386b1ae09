package dev.menagerie.config.impl;

/**
 * One key and value of zoo.cfg (both trimmed, as Apache ZooKeeper trims them) with the line it starts on.
 *
 * @param lineNumber 1-based; the first physical line when the entry is continued with a backslash
 */
record ConfigLine(String key, String value, int lineNumber) {
}
