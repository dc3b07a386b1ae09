/**
 * How a strategy bundle is found when the same jars run as named modules on the module path, without an OSGi
 * framework: each strategy bundle's module descriptor {@code provides} a
 * {@link dev.menagerie.api.plugin.StrategyProvider}, which the launcher finds with {@link java.util.ServiceLoader}
 * and selects by the {@code type} zoo.cfg names. In the OSGi runtime Declarative Services makes the same strategy
 * classes; these types are not used there.
 */
@Export
@Version("1.0.0")
package dev.menagerie.api.plugin;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
