@Export
@Version("1.3.0")
package dev.menagerie.api.config;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
