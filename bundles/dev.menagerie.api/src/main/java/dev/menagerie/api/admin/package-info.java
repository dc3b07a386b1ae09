/**
 * Pages other bundles add to the admin HTTP port. A bundle registers an {@link dev.menagerie.api.admin.AdminPage}
 * service with the {@value dev.menagerie.api.admin.AdminPage#PATH} property ({@code /console}); the admin server
 * serves every request under that path with it while the service is registered, and answers 404 there once it
 * goes, without a restart. The admin server owns the listening socket, TLS and the request threads; a page sees
 * only {@link dev.menagerie.api.admin.AdminPageRequest} and answers an
 * {@link dev.menagerie.api.admin.AdminPageResponse}.
 *
 * <p>The admin bundle also registers a {@link dev.menagerie.api.admin.StrategySwitcher}: the one way to select
 * another strategy for a role from code (its Gogo command and the web console use it), with the checks and the wait
 * of a live zoo.cfg edit.
 */
@Export
@Version("1.1.0")
package dev.menagerie.api.admin;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
