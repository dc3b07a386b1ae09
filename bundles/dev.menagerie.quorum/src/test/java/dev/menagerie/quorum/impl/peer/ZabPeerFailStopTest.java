package dev.menagerie.quorum.impl.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.menagerie.api.config.HostPort;
import dev.menagerie.api.config.LearnerType;
import dev.menagerie.api.config.QuorumMember;
import dev.menagerie.api.election.Election;
import dev.menagerie.api.election.ElectionFactory;
import dev.menagerie.api.election.Vote;
import dev.menagerie.api.quorum.QuorumVerifier;
import dev.menagerie.api.replication.Replica;
import dev.menagerie.testing.Await;
import dev.menagerie.testing.FakeServerConfig;
import dev.menagerie.quorum.impl.zab.RecordedMetrics;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** An election that fails (not one cancelled by a close) stops the server instead of electing on. */
class ZabPeerFailStopTest {

    private final CompletableFuture<String> failStopped = new CompletableFuture<>();
    private final AtomicInteger rounds = new AtomicInteger();

    @Test
    void failedElectionStopsTheServer() throws Exception {
        IllegalStateException cause = new IllegalStateException("election step of server 1 failed: boom");
        ElectionFactory factory = context -> new Election() {
            @Override
            public CompletionStage<Vote> lookForLeader() {
                rounds.incrementAndGet();
                return CompletableFuture.failedFuture(cause);
            }

            @Override
            public void close() {
                // nothing open
            }
        };
        ZabPeer peer = new ZabPeer(replica(), factory, ZabPeerFailStopTest::verifier,
                new RecordedMetrics().metrics());
        try {
            peer.start();
            assertEquals("the leader election failed: " + cause, failStopped.get(10, TimeUnit.SECONDS));
            Await.nothingWithin("another election round", Duration.ofMillis(300), () -> rounds.get() > 1);
        } finally {
            peer.close();
        }
    }

    private Replica replica() {
        FakeServerConfig config = new FakeServerConfig();
        config.standalone = false;
        config.myId = 1L;
        List<QuorumMember> members = new ArrayList<>();
        for (long id = 1; id <= 3; id++) {
            members.add(new QuorumMember(id, new HostPort("127.0.0.1", 2887 + (int) id),
                    new HostPort("127.0.0.1", 3887 + (int) id), null, LearnerType.PARTICIPANT, QuorumMember.NO_GROUP,
                    1));
        }
        config.members = members;
        return (Replica) Proxy.newProxyInstance(Replica.class.getClassLoader(), new Class<?>[] {Replica.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "config" -> config;
                    case "lastProcessedZxid" -> 0L;
                    case "stopServing" -> null;
                    case "failStop" -> {
                        failStopped.complete(args[0] + ": " + args[1]);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static QuorumVerifier verifier() {
        return (QuorumVerifier) Proxy.newProxyInstance(QuorumVerifier.class.getClassLoader(),
                new Class<?>[] {QuorumVerifier.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
