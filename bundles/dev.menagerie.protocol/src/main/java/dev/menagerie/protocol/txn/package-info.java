/**
 * Records of the jute module {@code org.apache.zookeeper.txn}: transaction headers and bodies of the log and
 * of Zab proposals.
 */
@Export(substitution = Export.Substitution.NOIMPORT)
@Version("1.0.0")
package dev.menagerie.protocol.txn;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
