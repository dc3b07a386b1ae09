package dev.menagerie.server.impl.pipeline;

/**
 * How many serialized replies the server keeps for getData and for getChildren2 (Apache ZooKeeper 3.9's
 * {@code zookeeper.maxResponseCacheSize} and {@code zookeeper.maxGetChildrenResponseCacheSize}, 400 each); zero or
 * less turns that cache off.
 */
public record ResponseCacheSizes(int getData, int getChildren) {

    public static final int DEFAULT_SIZE = 400;
    public static final String GET_DATA_KEY = "maxResponseCacheSize";
    public static final String GET_CHILDREN_KEY = "maxGetChildrenResponseCacheSize";
    public static final ResponseCacheSizes DEFAULT = new ResponseCacheSizes(DEFAULT_SIZE, DEFAULT_SIZE);

    /**
     * The sizes zoo.cfg (or {@code -Dzookeeper.<key>}) sets; null for a key not set.
     *
     * @throws IllegalArgumentException naming the key, for a value that is not a whole number
     */
    public static ResponseCacheSizes parse(String getData, String getChildren) {
        return new ResponseCacheSizes(SettingValues.wholeNumber(GET_DATA_KEY, getData, DEFAULT_SIZE, "entries"),
                SettingValues.wholeNumber(GET_CHILDREN_KEY, getChildren, DEFAULT_SIZE, "entries"));
    }
}
