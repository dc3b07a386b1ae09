package dev.menagerie.quorum.impl.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.quorum.QuorumVerifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class VerifierPublisherConcurrencyTest {

    private static final String MAJORITY = ServerConfig.DEFAULT_VERIFIER;
    private static final int THREADS = 4;
    private static final int OPERATIONS_PER_THREAD = 2_000;

    @Test
    void aChangeMadeWhileAnotherThreadRegistersIsAppliedByThatThread() throws Exception {
        FakeRegistrar registry = new FakeRegistrar();
        CountDownLatch inRegister = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        VerifierPublisher.Registrar blockingFirst = new VerifierPublisher.Registrar() {
            private boolean blocked;

            @Override
            public VerifierPublisher.Registration register(QuorumVerifier verifier, Map<String, Object> props) {
                if (!blocked) {
                    blocked = true;
                    inRegister.countDown();
                    await(release);
                }
                return registry.register(verifier, props);
            }
        };
        VerifierPublisher publisher = new VerifierPublisher(blockingFirst, new RecordingListener());
        publisher.activate(VerifierInputs.UNKNOWN_REVISION);
        publisher.factoryBound(new StubFactory(), MAJORITY);
        Thread binder = new Thread(() -> publisher.configBound(VerifierConfigs.quorum(1, MAJORITY, 3)));
        binder.start();
        assertTrue(inRegister.await(10, TimeUnit.SECONDS));

        publisher.configBound(VerifierConfigs.quorum(2, MAJORITY, 5)); // returns at once: the binder applies it
        release.countDown();
        binder.join(10_000);

        assertFalse(binder.isAlive());
        assertEquals(2L, registry.only().revision());
        assertEquals(List.of("register 1", "register 2", "unregister 1"), registry.events());
    }

    @Test
    void racingBindsUnbindsAndConfigChangesNeverOverlapAndEndInTheLatestState() throws Exception {
        FakeRegistrar registry = new FakeRegistrar();
        RecordingListener log = new RecordingListener();
        VerifierPublisher publisher = new VerifierPublisher(registry, log);
        publisher.activate(VerifierInputs.UNKNOWN_REVISION);
        List<StubFactory> factories = List.of(new StubFactory(), new StubFactory(), new StubFactory());
        List<ServerConfig> configs = new ArrayList<>();
        for (int revision = 1; revision <= 6; revision++) {
            configs.add(revision % 3 == 0 ? VerifierConfigs.standalone(revision)
                    : VerifierConfigs.quorum(revision, MAJORITY, revision));
        }
        long seed = new Random().nextLong();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Random random = new Random(seed + t);
                runs.add(pool.submit(() -> race(publisher, random, factories, configs)));
            }
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        String context = "seed " + seed;
        assertFalse(registry.callersOverlapped(), context + ": two threads changed registrations at once");
        assertTrue(registry.mostLiveAtOnce() <= 2, context + ": more than the old and the new verifier were live");
        assertTrue(registry.live().size() <= 1, context + ": more than one verifier left registered");
        assertEquals(List.of(), log.failures(), context);

        ServerConfig last = VerifierConfigs.quorum(99, MAJORITY, 7);
        StubFactory lastFactory = new StubFactory();
        publisher.configBound(last);
        publisher.factoryBound(lastFactory, MAJORITY);
        assertEquals(99L, registry.only().revision(), context + ": the publisher no longer applies changes");
        assertSame(lastFactory, ((StubFactory.StubVerifier) registry.only().verifier()).builtBy(), context);
    }

    private static void race(VerifierPublisher publisher, Random random, List<StubFactory> factories,
            List<ServerConfig> configs) {
        for (int i = 0; i < OPERATIONS_PER_THREAD; i++) {
            StubFactory factory = factories.get(random.nextInt(factories.size()));
            ServerConfig config = configs.get(random.nextInt(configs.size()));
            switch (random.nextInt(5)) {
                case 0 -> publisher.factoryBound(factory, MAJORITY);
                case 1 -> publisher.factoryUnbound(factory);
                case 2 -> publisher.configBound(config);
                case 3 -> publisher.configUnbound(config);
                default -> publisher.targetsRevision(config.revision());
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("not released within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
