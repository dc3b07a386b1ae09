package dev.menagerie.election.priority.impl;

import dev.menagerie.api.config.QuorumMember;
import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.election.Election;
import dev.menagerie.api.election.ElectionContext;
import dev.menagerie.api.election.ElectionFactory;
import dev.menagerie.election.fle.spi.TieBreakingElectionFactory;
import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code electionType=priority}: FastLeaderElection (the fle bundle's, same wire protocol and election port) with
 * the {@code electionPriority.N} table as the tie-break among equally up-to-date candidates. Epoch and zxid still
 * decide first, so the winner has the most recent history of the quorum, as under {@code fast}.
 */
@Component(property = ElectionFactory.TYPE + "=" + PriorityElectionFactory.TYPE)
public final class PriorityElectionFactory implements ElectionFactory {

    static final String TYPE = "priority";
    private static final Logger LOG = LoggerFactory.getLogger(PriorityElectionFactory.class);

    private final TieBreakingElectionFactory fastElection;

    /** The newest zoo.cfg; a new revision replaces it without restarting elections (priorities need a restart). */
    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ServerConfig config;

    @Activate
    public PriorityElectionFactory(@Reference(target = "(" + ElectionFactory.TYPE + "=fast)")
            TieBreakingElectionFactory fastElection) {
        this.fastElection = fastElection;
    }

    /** Outside the framework: the zoo.cfg the server started with (the module path does not follow edits). */
    PriorityElectionFactory(TieBreakingElectionFactory fastElection, ServerConfig config) {
        this(fastElection);
        this.config = config;
    }

    @Override
    public Election create(ElectionContext context) throws IOException {
        PriorityTable table = PriorityTable.from(config.properties());
        Set<Long> members = context.members().stream().map(QuorumMember::id).collect(Collectors.toSet());
        Set<Long> strangers = table.priorityById().keySet().stream().filter(id -> !members.contains(id))
                .collect(Collectors.toSet());
        if (!strangers.isEmpty()) {
            LOG.warn("{}N lines for servers that are no members are ignored: {}", PriorityTable.KEY_PREFIX,
                    strangers);
        }
        // Voters must rank alike; the protocol cannot compare tables, so the log line is what operators compare.
        LOG.info("Server {} elects by priority: {}; every member needs the same {}N lines", context.myId(), table,
                PriorityTable.KEY_PREFIX);
        return fastElection.create(context, table);
    }
}
