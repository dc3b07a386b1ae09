/**
 * Runs a standalone server without a framework, for libraries that embed Menagerie on the class path (the
 * {@code dev.menagerie.embedded} module) and for the module path's launcher ({@code dev.menagerie.launcher}): the
 * caller brings the services Declarative Services would bind, or lets {@link
 * dev.menagerie.server.embed.ProvidedStrategies} make them from the strategy providers it found.
 */
@Export
@Version("1.2.0")
package dev.menagerie.server.embed;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
