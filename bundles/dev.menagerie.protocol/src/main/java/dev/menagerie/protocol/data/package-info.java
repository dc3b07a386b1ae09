/**
 * Records of the jute module {@code org.apache.zookeeper.data}: ids, ACLs and node statistics.
 */
@Export(substitution = Export.Substitution.NOIMPORT)
@Version("1.0.0")
package dev.menagerie.protocol.data;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
