/**
 * What a running server reports about itself, read-only: the figures of the four-letter words ({@code srvr},
 * {@code mntr}, {@code cons}, ...) and of the admin commands. The server registers one
 * {@link dev.menagerie.api.status.ServerStatus} service; every value it returns is an immutable snapshot.
 *
 * <p>The client port hands each four-letter word it accepts to a
 * {@link dev.menagerie.api.status.FourLetterWordHandler} service (the admin bundle provides one), passing the
 * status of the server that owns the port.
 */
@Export
@Version("1.5.0")
package dev.menagerie.api.status;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
