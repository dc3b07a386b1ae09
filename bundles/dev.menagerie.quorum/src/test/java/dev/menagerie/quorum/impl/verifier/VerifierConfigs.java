package dev.menagerie.quorum.impl.verifier;

import dev.menagerie.api.config.HostPort;
import dev.menagerie.api.config.LearnerType;
import dev.menagerie.api.config.QuorumMember;
import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.testing.FakeServerConfig;
import java.util.ArrayList;
import java.util.List;

/** ServerConfig services for the verifier tests: a standalone server, or a quorum of participants. */
final class VerifierConfigs {

    private VerifierConfigs() {
    }

    static ServerConfig quorum(long revision, String verifierType, int participants) {
        FakeServerConfig config = new FakeServerConfig();
        config.revision = revision;
        config.standalone = false;
        config.myId = 1L;
        config.verifierType = verifierType;
        config.members = members(participants);
        return config;
    }

    static ServerConfig standalone(long revision) {
        FakeServerConfig config = new FakeServerConfig();
        config.revision = revision;
        return config;
    }

    static List<QuorumMember> members(int participants) {
        List<QuorumMember> members = new ArrayList<>();
        for (long id = 1; id <= participants; id++) {
            members.add(new QuorumMember(id, new HostPort("127.0.0.1", 2880 + (int) id),
                    new HostPort("127.0.0.1", 3880 + (int) id), null, LearnerType.PARTICIPANT,
                    QuorumMember.NO_GROUP, 1));
        }
        return List.copyOf(members);
    }
}
