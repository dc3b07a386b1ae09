package dev.menagerie.api.storage;

import java.io.IOException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Opens storages; registered as a service with the property {@value #TYPE}. The distribution ships one engine,
 * {@code file}: Apache ZooKeeper's on-disk format. zoo.cfg's {@code storage} key chooses the engine by this name.
 */
@ConsumerType
public interface StorageFactory {

    /** Service property naming the storage engine. */
    String TYPE = "type";

    Storage open(StorageSettings settings) throws IOException;
}
