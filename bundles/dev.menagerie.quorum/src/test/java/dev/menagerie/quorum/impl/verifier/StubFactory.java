package dev.menagerie.quorum.impl.verifier;

import dev.menagerie.api.config.QuorumMember;
import dev.menagerie.api.quorum.QuorumVerifier;
import dev.menagerie.api.quorum.QuorumVerifierFactory;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** A factory that remembers what it built and how often; {@code failure} makes create throw instead. */
final class StubFactory implements QuorumVerifierFactory {

    /** What the stub builds: it keeps the members so tests can see what the verifier was built from. */
    record StubVerifier(StubFactory builtBy, List<QuorumMember> members) implements QuorumVerifier {
        @Override
        public Set<Long> votingMembers() {
            return members.stream().map(QuorumMember::id).collect(Collectors.toUnmodifiableSet());
        }

        @Override
        public long weight(long serverId) {
            return votingMembers().contains(serverId) ? 1 : 0;
        }

        @Override
        public boolean containsQuorum(Set<Long> serverIds) {
            return serverIds.containsAll(votingMembers());
        }
    }

    private final RuntimeException failure;
    private final AtomicInteger builds = new AtomicInteger();

    StubFactory() {
        this(null);
    }

    StubFactory(RuntimeException failure) {
        this.failure = failure;
    }

    @Override
    public QuorumVerifier create(List<QuorumMember> members) {
        builds.incrementAndGet();
        if (failure != null) {
            throw failure;
        }
        return new StubVerifier(this, members);
    }

    int builds() {
        return builds.get();
    }
}
