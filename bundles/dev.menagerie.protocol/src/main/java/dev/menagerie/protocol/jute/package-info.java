/**
 * The jute binary encoding: big-endian ints and longs, one-byte booleans, length-prefixed strings and buffers
 * (-1 for null) and count-prefixed vectors.
 */
@Export(substitution = Export.Substitution.NOIMPORT)
@Version("1.0.0")
package dev.menagerie.protocol.jute;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
