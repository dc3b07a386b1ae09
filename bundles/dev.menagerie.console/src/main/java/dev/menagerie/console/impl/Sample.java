package dev.menagerie.console.impl;

/**
 * One point of the console's charts, over the interval ending at {@code timeMs}.
 *
 * @param opsPerSecond requests answered per second (reads and updates)
 * @param latencyMs the mean latency of those requests, null when none was answered
 * @param outstanding requests accepted and not answered yet, at the end of the interval
 */
record Sample(long timeMs, double opsPerSecond, Double latencyMs, int outstanding) {
}
