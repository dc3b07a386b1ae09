/**
 * The authentication provider contract: one ACL scheme ({@code digest}, {@code ip}, {@code x509}, {@code sasl}, or a
 * plugin's) as a service, chosen by zoo.cfg's {@code authProvider.N}.
 */
@Export
@Version("1.0.0")
package dev.menagerie.api.auth;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
