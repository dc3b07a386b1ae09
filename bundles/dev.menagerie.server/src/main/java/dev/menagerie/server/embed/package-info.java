/**
 * Runs a standalone server without a framework, for libraries that embed Menagerie on the class path (the
 * {@code dev.menagerie.embedded} module) and for the module path's launcher ({@code dev.menagerie.launcher}): the
 * caller brings the services Declarative Services would bind.
 */
@Export
@Version("1.1.0")
package dev.menagerie.server.embed;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
