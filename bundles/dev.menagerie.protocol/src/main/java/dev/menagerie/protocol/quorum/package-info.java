/**
 * Records of the jute module {@code org.apache.zookeeper.server.quorum}: Zab packets, learner info and quorum
 * authentication.
 */
@Export(substitution = Export.Substitution.NOIMPORT)
@Version("1.0.0")
package dev.menagerie.protocol.quorum;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
