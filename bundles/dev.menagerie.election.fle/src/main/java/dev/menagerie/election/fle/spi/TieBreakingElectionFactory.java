package dev.menagerie.election.fle.spi;

import dev.menagerie.api.election.Election;
import dev.menagerie.api.election.ElectionContext;
import java.io.IOException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * FastLeaderElection with another tie-break among equally up-to-date candidates; registered by the fle bundle
 * (service property {@code type=fast}) for election bundles that differ from it only in that choice. Its elections
 * speak Apache's election protocol on the election port and close when the fle bundle stops.
 */
@ProviderType
public interface TieBreakingElectionFactory {

    /** Opens the election port for {@code context}'s peer; its rounds order candidates with {@code tieBreak}. */
    Election create(ElectionContext context, TieBreak tieBreak) throws IOException;
}
