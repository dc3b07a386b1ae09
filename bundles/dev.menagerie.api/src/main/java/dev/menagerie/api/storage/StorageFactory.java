package dev.menagerie.api.storage;

import java.io.IOException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Opens storages; registered as a service with the property {@value #TYPE}. The distribution ships two engines:
 * {@code file}, Apache ZooKeeper's on-disk format, and {@code memory}, which keeps everything in memory and loses it
 * on a restart. zoo.cfg's {@code storage} key chooses the engine by this name. What an opened {@link Storage} must
 * guarantee, durable or not, is written on {@link Storage}.
 */
@ConsumerType
public interface StorageFactory {

    /** Service property naming the storage engine. */
    String TYPE = "type";

    Storage open(StorageSettings settings) throws IOException;
}
