package dev.menagerie.server.impl.stats;

/**
 * The sizes of the replies and watch notifications the server sent to clients, as Apache's {@code BufferStats}
 * keeps them for {@code last_client_response_size}, {@code min_client_response_size} and
 * {@code max_client_response_size}: bytes of the frame without its length prefix, -1 before the first and after
 * {@code srst}.
 */
public final class ResponseSizes {

    /** Apache's value before the first response. */
    public static final int NONE = -1;

    private int last = NONE;
    private int min = NONE;
    private int max = NONE;

    public synchronized void sent(int bytes) {
        assert bytes >= 0 : bytes;
        last = bytes;
        if (min == NONE || bytes < min) {
            min = bytes;
        }
        max = Math.max(max, bytes);
    }

    public synchronized int last() {
        return last;
    }

    public synchronized int min() {
        return min;
    }

    public synchronized int max() {
        return max;
    }

    synchronized void reset() {
        last = NONE;
        min = NONE;
        max = NONE;
    }
}
