/**
 * Constants of the Apache ZooKeeper 3.9 client protocol: op codes, error codes, permissions, create modes,
 * watch event types and states, reserved xids and four-letter words.
 *
 * <p>Exported without a substitutable import: the bundle always uses its own copy.
 *
 * <p>2.0.0: {@code FourLetterWords} is now {@link dev.menagerie.protocol.FourLetterWordCodes} (the name
 * {@code FourLetterWords} belongs to the admin bundle's answers).
 */
@Export(substitution = Export.Substitution.NOIMPORT)
@Version("2.0.0")
package dev.menagerie.protocol;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
