package dev.menagerie.testing;

import dev.menagerie.classpath.DeclarativeComponents;

/**
 * Services of the bundles on the test class path, made from their component descriptions by
 * {@link DeclarativeComponents} (the mechanism embedded servers use), so that a test asks for "the
 * {@code StorageFactory} with {@code type=file}" instead of importing the storage bundle's private class. The class
 * path must hold the bundles' jars (a reactor build to {@code package} or later, as the README's test command does).
 */
public final class Components {

    private Components() {
    }

    /** A new instance of the one component that provides {@code type} with service property {@code key=value}. */
    public static <S> DeclarativeComponents.Instance<S> create(Class<S> type, String key, String value) {
        return DeclarativeComponents.create(type, key, value);
    }

    /** As {@link #create(Class, String, String)}, its constructor given the references it takes from {@code services}. */
    public static <S> DeclarativeComponents.Instance<S> create(Class<S> type, String key, String value,
            Object... services) {
        return DeclarativeComponents.create(type, key, value, services);
    }

    /** A new instance of the one component that provides {@code type}. */
    public static <S> DeclarativeComponents.Instance<S> create(Class<S> type) {
        return DeclarativeComponents.create(type);
    }

    /** A new instance of the one component that provides {@code type}, given the references it takes. */
    public static <S> DeclarativeComponents.Instance<S> create(Class<S> type, Object... services) {
        return DeclarativeComponents.create(type, services);
    }
}
