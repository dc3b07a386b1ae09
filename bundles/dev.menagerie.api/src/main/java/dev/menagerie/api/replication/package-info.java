/**
 * The contract between the server, which holds the database and the client connections, and a quorum peer, which
 * runs leader election and replication over it. The server implements {@link dev.menagerie.api.replication.Replica};
 * a replication bundle registers a {@link dev.menagerie.api.replication.QuorumPeerFactory}.
 */
@Export
@Version("1.5.0")
package dev.menagerie.api.replication;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
