/**
 * Records of the jute module {@code org.apache.zookeeper.server.persistence}: the header of transaction logs
 * and snapshots.
 */
@Export(substitution = Export.Substitution.NOIMPORT)
@Version("1.0.0")
package dev.menagerie.protocol.persistence;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
