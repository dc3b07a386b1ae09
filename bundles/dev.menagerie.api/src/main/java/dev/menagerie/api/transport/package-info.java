@Export
@Version("1.5.0")
package dev.menagerie.api.transport;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
