package dev.menagerie.quorum.impl.verifier;

import dev.menagerie.api.config.HostPort;
import dev.menagerie.api.config.LearnerType;
import dev.menagerie.api.config.QuorumMember;
import dev.menagerie.api.config.ServerConfig;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/** ServerConfig services for tests: only the methods the verifier component reads answer. */
final class FakeServerConfig {

    private FakeServerConfig() {
    }

    static ServerConfig quorum(long revision, String verifierType, int participants) {
        return of(revision, false, verifierType, members(participants));
    }

    static ServerConfig standalone(long revision) {
        return of(revision, true, ServerConfig.DEFAULT_VERIFIER, List.of());
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

    private static ServerConfig of(long revision, boolean standalone, String type, List<QuorumMember> members) {
        String label = "ServerConfig(revision " + revision + ")";
        return (ServerConfig) Proxy.newProxyInstance(FakeServerConfig.class.getClassLoader(),
                new Class<?>[] {ServerConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "revision" -> revision;
                    case "standalone" -> standalone;
                    case "verifierType" -> type;
                    case "members" -> members;
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString" -> label;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
