/**
 * Records of the jute module {@code org.apache.zookeeper.proto}: client requests, replies and headers.
 */
@Export(substitution = Export.Substitution.NOIMPORT)
@Version("1.0.0")
package dev.menagerie.protocol.proto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
