package dev.menagerie.server.impl.watch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The watches of one kind (the server keeps one manager for data watches and one for child watches), with Apache
 * ZooKeeper 3.9's {@code WatchManager} semantics: per (watcher, path) a set of modes; one-shot modes are consumed when
 * they fire, persistent ones stay; recursive ones also fire for descendants.
 *
 * <p>This class does bookkeeping only; {@link WatchRouter} builds and delivers the events. Thread-safe.
 */
public final class WatchManager {
    private final Map<String, Set<Watcher>> watchersByPath = new LinkedHashMap<>();
    private final Map<Watcher, Map<String, Integer>> modesByWatcher = new LinkedHashMap<>();
    private int recursiveWatchCount;

    /**
     * Adds a watch. A stale (closed) watcher is ignored.
     *
     * @return true if the watcher did not already have this mode on this path
     */
    public synchronized boolean addWatch(String path, Watcher watcher, WatcherMode mode) {
        if (watcher.isStale()) {
            return false;
        }
        watchersByPath.computeIfAbsent(path, key -> new LinkedHashSet<>()).add(watcher);
        Map<String, Integer> modes = modesByWatcher.computeIfAbsent(watcher, key -> new LinkedHashMap<>());
        int before = modes.getOrDefault(path, 0);
        int after = before | mode.bit();
        if (after == before) {
            return false;
        }
        modes.put(path, after);
        if (mode.isRecursive()) {
            recursiveWatchCount++;
        }
        return true;
    }

    /**
     * Fires the watches a change at {@code path} concerns and returns their watchers: every watcher on the path
     * itself (its one-shot mode consumed, persistent modes kept) and every recursive watcher on an ancestor.
     */
    public synchronized Set<Watcher> trigger(String path) {
        Set<Watcher> fired = new LinkedHashSet<>();
        List<String> paths = recursiveWatchCount == 0 ? List.of(path) : PathParents.selfAndAncestors(path);
        for (String watchedPath : paths) {
            Set<Watcher> watchers = watchersByPath.get(watchedPath);
            if (watchers == null) {
                continue;
            }
            boolean atChangedPath = watchedPath.equals(path);
            watchers.removeIf(watcher -> fire(watcher, watchedPath, atChangedPath, fired));
            if (watchers.isEmpty()) {
                watchersByPath.remove(watchedPath);
            }
        }
        return fired;
    }

    /** Adds {@code watcher} to {@code fired} if its watch applies; returns true if it no longer watches the path. */
    private boolean fire(Watcher watcher, String watchedPath, boolean atChangedPath, Set<Watcher> fired) {
        Map<String, Integer> modes = modesByWatcher.getOrDefault(watcher, Map.of());
        int bits = modes.getOrDefault(watchedPath, 0);
        if (!atChangedPath) {
            if ((bits & WatcherMode.PERSISTENT_RECURSIVE.bit()) != 0) {
                fired.add(watcher);
            }
            return false;
        }
        fired.add(watcher);
        int remaining = bits & ~WatcherMode.STANDARD.bit();
        if (remaining == 0) {
            // Apache keeps the connection's (possibly now empty) entry, so wchs and wchc still count it until it
            // closes or removes a watch; we do the same for identical reports.
            modes.remove(watchedPath);
            return true;
        }
        modes.put(watchedPath, remaining);
        return false;
    }

    /**
     * Removes one mode ({@code mode} non-null) or every mode (null) of {@code watcher} on {@code path}.
     *
     * @return true if something was removed
     */
    public synchronized boolean removeWatcher(String path, Watcher watcher, WatcherMode mode) {
        Map<String, Integer> modes = modesByWatcher.get(watcher);
        if (modes == null || !watchersByPath.containsKey(path)) {
            return false;
        }
        int before = modes.getOrDefault(path, 0);
        int after = mode == null ? 0 : before & ~mode.bit();
        if (after == before) {
            return false;
        }
        if (after == 0) {
            unwatch(path, watcher, modes);
        } else {
            modes.put(path, after);
        }
        int recursive = WatcherMode.PERSISTENT_RECURSIVE.bit();
        if ((before & recursive) != 0 && (after & recursive) == 0) {
            recursiveWatchCount--;
        }
        return true;
    }

    private void unwatch(String path, Watcher watcher, Map<String, Integer> modes) {
        modes.remove(path);
        if (modes.isEmpty()) {
            modesByWatcher.remove(watcher);
        }
        Set<Watcher> watchers = watchersByPath.get(path);
        watchers.remove(watcher);
        if (watchers.isEmpty()) {
            watchersByPath.remove(path);
        }
    }

    /** True if {@code watcher} watches {@code path} in {@code mode}, or in any mode if {@code mode} is null. */
    public synchronized boolean containsWatcher(String path, Watcher watcher, WatcherMode mode) {
        Map<String, Integer> modes = modesByWatcher.get(watcher);
        int bits = modes == null ? 0 : modes.getOrDefault(path, 0);
        return bits != 0 && (mode == null || (bits & mode.bit()) != 0);
    }

    /** Drops every watch of a closed connection; false if it had none here. */
    public synchronized boolean removeWatcher(Watcher watcher) {
        Map<String, Integer> modes = modesByWatcher.remove(watcher);
        if (modes == null) {
            return false;
        }
        modes.forEach((path, bits) -> {
            Set<Watcher> watchers = watchersByPath.get(path);
            if (watchers != null) {
                watchers.remove(watcher);
                if (watchers.isEmpty()) {
                    watchersByPath.remove(path);
                }
            }
            if ((bits & WatcherMode.PERSISTENT_RECURSIVE.bit()) != 0) {
                recursiveWatchCount--;
            }
        });
        return true;
    }

    /** The number of (path, watcher) pairs, as Apache's {@code size()}. */
    public synchronized int size() {
        int total = 0;
        for (Set<Watcher> watchers : watchersByPath.values()) {
            total += watchers.size();
        }
        return total;
    }

    /** Connections, paths and total watches. */
    public synchronized WatchesSummary summary() {
        int total = 0;
        for (Map<String, Integer> modes : modesByWatcher.values()) {
            total += modes.size();
        }
        return new WatchesSummary(modesByWatcher.size(), watchersByPath.size(), total);
    }

    /** Each watching connection with its paths, connections in order of first watch, paths sorted. */
    public synchronized Map<Watcher, Set<String>> pathsByWatcher() {
        Map<Watcher, Set<String>> report = new LinkedHashMap<>();
        modesByWatcher.forEach((watcher, modes) ->
                report.put(watcher, Collections.unmodifiableSet(new TreeSet<>(modes.keySet()))));
        return report;
    }

    /** Session id to watched paths, both sorted (admin {@code watches}, Apache's {@code WatchesReport}). */
    public synchronized Map<Long, Set<String>> pathsBySession() {
        Map<Long, Set<String>> report = new TreeMap<>();
        modesByWatcher.forEach((watcher, modes) ->
                report.computeIfAbsent(watcher.sessionId(), id -> new TreeSet<>()).addAll(modes.keySet()));
        return report;
    }

    /** Watched path to session ids, both sorted ({@code wchp}, Apache's {@code WatchesPathReport}). */
    public synchronized Map<String, Set<Long>> sessionsByPath() {
        Map<String, Set<Long>> report = new TreeMap<>();
        watchersByPath.forEach((path, watchers) -> {
            Set<Long> ids = new TreeSet<>();
            watchers.forEach(watcher -> ids.add(watcher.sessionId()));
            report.put(path, ids);
        });
        return report;
    }

    /** The number of recursive watches; when zero, triggers skip the walk up the ancestors. */
    synchronized int recursiveWatchCount() {
        return recursiveWatchCount;
    }
}
