package dev.menagerie.api.storage;

import java.io.IOException;
import org.osgi.annotation.versioning.ProviderType;

/** The server's side of taking a snapshot: it writes sessions, ACLs, nodes, seals and digests. */
@ProviderType
@FunctionalInterface
public interface SnapshotSource {

    void writeTo(SnapshotOutput out) throws IOException;
}
