/**
 * The one seam the fle bundle offers other election bundles: its FastLeaderElection with a different
 * {@link dev.menagerie.election.fle.spi.TieBreak}. Everything else (core, wire, election port) stays private.
 */
@Export
@Version("1.0.0")
package dev.menagerie.election.fle.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
