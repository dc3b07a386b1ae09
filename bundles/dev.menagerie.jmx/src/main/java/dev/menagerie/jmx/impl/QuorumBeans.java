package dev.menagerie.jmx.impl;

import dev.menagerie.api.config.QuorumMember;
import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.status.ServerStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javax.management.ObjectName;

/**
 * The beans Apache's quorum peer registers whatever its role: the ensemble bean {@code ReplicatedServer_id<N>},
 * {@code replica.<N>} for this server and {@code replica.<M>} for each other member of the configuration
 * (observers too), and {@code LeaderElection} under {@code replica.<N>} while the server elects.
 */
final class QuorumBeans {

    private final ServerStatus status;
    private final ServerConfig config;
    private final LongSupplier clock;

    QuorumBeans(ServerStatus status, ServerConfig config, LongSupplier clock) {
        this.status = status;
        this.config = config;
        this.clock = clock;
    }

    static String ensemble(long id) {
        return "ReplicatedServer_id" + id;
    }

    static String replica(long id) {
        return "replica." + id;
    }

    /** {@code ReplicatedServer_id<N>/replica.<N>}, empty unless this server is a configured quorum member. */
    Optional<List<String>> localPath() {
        Optional<QuorumMember> me = me();
        return me.map(m -> List.of(ensemble(m.id()), replica(m.id())));
    }

    /** Adds the beans the current state calls for. */
    void addTo(Map<ObjectName, Supplier<Object>> wanted) {
        Optional<QuorumMember> me = me();
        if (me.isEmpty()) {
            return;
        }
        String ensemble = ensemble(me.get().id());
        wanted.put(BeanNames.of(List.of(ensemble)), () -> new QuorumBean(ensemble, config));
        for (QuorumMember member : config.members()) {
            List<String> path = List.of(ensemble, replica(member.id()));
            wanted.put(BeanNames.of(path), member.id() == me.get().id()
                    ? () -> new LocalPeerBean(member, new QuorumBean(ensemble, config), config, status,
                            clock.getAsLong())
                    : () -> new RemotePeerBean(member, status));
        }
        if ("looking".equals(status.summary().mode())) {
            wanted.put(BeanNames.of(List.of(ensemble, replica(me.get().id()), "LeaderElection")),
                    () -> new LeaderElectionBean(clock.getAsLong()));
        }
    }

    private Optional<QuorumMember> me() {
        if (config.standalone() || config.myId().isEmpty() || "standalone".equals(status.summary().mode())) {
            return Optional.empty();
        }
        long myId = config.myId().get();
        return config.members().stream().filter(m -> m.id() == myId).findFirst();
    }
}
