package dev.menagerie.server.impl.pipeline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apache ZooKeeper 3.9's limit on large requests: a request of more than {@code thresholdBytes} (its frame, without
 * the length prefix) counts against {@code maxBytes}, shared by all the large requests the server holds until it
 * answers them; one that does not fit closes its connection. A threshold of -1 (the default) turns it off.
 */
public record LargeRequestLimit(int maxBytes, int thresholdBytes) {

    public static final int DEFAULT_MAX_BYTES = 100 * 1024 * 1024;
    public static final int OFF = -1;
    public static final LargeRequestLimit DEFAULT = new LargeRequestLimit(DEFAULT_MAX_BYTES, OFF);
    public static final String MAX_BYTES_KEY = "largeRequestMaxBytes";
    public static final String THRESHOLD_KEY = "largeRequestThreshold";

    private static final Logger LOG = LoggerFactory.getLogger(LargeRequestLimit.class);

    public LargeRequestLimit {
        assert maxBytes > 0 && (thresholdBytes == OFF || thresholdBytes > 0) : maxBytes + "/" + thresholdBytes;
    }

    /**
     * The limit zoo.cfg (or {@code -Dzookeeper.<key>}) sets, null for a key not set. As Apache, a maximum that is
     * not positive keeps the default and a threshold of 0 or below -1 turns the limit off, each with a WARN line.
     *
     * @throws IllegalArgumentException naming the key, for a value that is not a whole number
     */
    public static LargeRequestLimit parse(String maxBytes, String thresholdBytes) {
        int max = SettingValues.wholeNumber(MAX_BYTES_KEY, maxBytes, DEFAULT_MAX_BYTES, "bytes");
        if (max <= 0) {
            LOG.warn("{}={} is not a positive number of bytes; the maximum stays {}", MAX_BYTES_KEY, max,
                    DEFAULT_MAX_BYTES);
            max = DEFAULT_MAX_BYTES;
        }
        int threshold = SettingValues.wholeNumber(THRESHOLD_KEY, thresholdBytes, OFF, "bytes");
        if (threshold == 0 || threshold < OFF) {
            LOG.warn("{}={} is neither -1 nor positive; large requests are not limited", THRESHOLD_KEY, threshold);
            threshold = OFF;
        }
        return new LargeRequestLimit(max, threshold);
    }

    boolean isLarge(int requestBytes) {
        return thresholdBytes != OFF && requestBytes > thresholdBytes;
    }
}
