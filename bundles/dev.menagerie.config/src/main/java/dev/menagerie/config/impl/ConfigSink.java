package dev.menagerie.config.impl;

import java.util.Map;
import java.util.Set;

/** Where {@link ConfigPublisher} puts its results; the OSGi component implements it with the framework. */
interface ConfigSink {

    /** Registers the configuration as a service; the handle unregisters it. */
    Runnable register(ParsedServerConfig config);

    /** Writes the strategy target filters and the revision they belong to. */
    void writeTargets(Map<String, String> targets, long revision);

    /** The {@code type}s of the registered services that can fill the strategy {@code reference}, without repeats. */
    Set<String> installedTypes(String reference);

    /** Sets JVM system properties, as Apache ZooKeeper does for keys it does not consume. */
    void setSystemProperties(Map<String, String> properties);
}
