package dev.menagerie.api.storage;

import java.io.IOException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Opens storages; registered as a service with the property {@value #TYPE} ({@code file} is Apache ZooKeeper's
 * on-disk format; {@code memory} is a non-durable store for tests only).
 */
@ConsumerType
public interface StorageFactory {

    /** Service property naming the storage engine. */
    String TYPE = "type";

    Storage open(StorageSettings settings) throws IOException;
}
