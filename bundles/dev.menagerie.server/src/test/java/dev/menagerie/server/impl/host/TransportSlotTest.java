package dev.menagerie.server.impl.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.config.HostPort;
import dev.menagerie.api.transport.Connection;
import dev.menagerie.api.transport.ConnectionHandler;
import dev.menagerie.api.transport.ServerCnxnFactory;
import dev.menagerie.api.transport.TransportSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransportSlotTest {

    private final List<String> log = new ArrayList<>();
    private final TransportSlot slot = new TransportSlot((role, delta) -> log.add(role + " swapped"));
    private final TransportPlan plan = new TransportPlan(new HostPort("127.0.0.1", 2181), null, 2048, null);
    private final ConnectionHandler handler = new ConnectionHandler() {
        @Override
        public boolean connected(Connection connection) {
            return true;
        }

        @Override
        public void received(Connection connection, ByteBuffer frame) {
        }

        @Override
        public void fourLetterWord(Connection connection, String command) {
        }

        @Override
        public void closed(Connection connection) {
        }
    };

    private final class Fake implements ServerCnxnFactory {
        final String name;
        boolean failStart;

        Fake(String name) {
            this.name = name;
        }

        @Override
        public void prepare() {
            log.add(name + " prepare");
        }

        @Override
        public void start(TransportSettings settings, ConnectionHandler h) throws IOException {
            if (failStart) {
                throw new IOException("Address already in use");
            }
            log.add(name + " start " + settings.clientAddress());
        }

        @Override
        public InetSocketAddress boundAddress() {
            return null;
        }

        @Override
        public InetSocketAddress boundSecureAddress() {
            return null;
        }

        @Override
        public Collection<? extends Connection> connections() {
            return List.of();
        }

        @Override
        public void stop() {
            log.add(name + " stop");
        }
    }

    @Test
    void transportBoundBeforeTheServerOpensStartsWhenItOpens() {
        Fake nio = new Fake("nio");
        slot.offer(nio, "nio");
        assertTrue(log.isEmpty(), "nothing listens before the server is ready");
        slot.open(plan, handler);
        assertEquals(List.of("nio start 127.0.0.1:2181"), log);
        assertTrue(slot.listening());
    }

    @Test
    void greedyReplacementPreparesTheNewOneThenStopsTheOldOneAndIgnoresItsLateUnbind() {
        Fake nio = new Fake("nio");
        Fake netty = new Fake("netty");
        slot.offer(nio, "nio");
        slot.open(plan, handler);
        slot.offer(netty, "netty");
        slot.withdraw(nio);
        assertEquals(List.of("nio start 127.0.0.1:2181", "transport swapped", "netty prepare", "nio stop",
                "netty start 127.0.0.1:2181"), log, "the port is closed only between the old stop and the new start");
        assertSame(netty, slot.active());
    }

    @Test
    void losingTheOnlyTransportStopsListeningAndANewOneResumes() {
        Fake nio = new Fake("nio");
        slot.offer(nio, "nio");
        slot.open(plan, handler);
        slot.withdraw(nio);
        assertFalse(slot.listening());
        Fake again = new Fake("nio2");
        slot.offer(again, "nio");
        assertEquals(List.of("nio start 127.0.0.1:2181", "nio stop", "transport swapped",
                "nio2 start 127.0.0.1:2181"), log);
    }

    @Test
    void changedAddressRestartsButAnEqualPlanDoesNot() {
        Fake nio = new Fake("nio");
        slot.offer(nio, "nio");
        slot.open(plan, handler);
        slot.replan(new TransportPlan(new HostPort("127.0.0.1", 2181), null, 2048, null));
        assertEquals(1, log.size());
        slot.replan(new TransportPlan(new HostPort("127.0.0.1", 2182), null, 2048, null));
        assertEquals(List.of("nio start 127.0.0.1:2181", "nio stop", "nio start 127.0.0.1:2182"), log);
    }

    @Test
    void aTransportThatCannotBindLeavesTheServerRunningWithoutListening() {
        Fake nio = new Fake("nio");
        nio.failStart = true;
        slot.offer(nio, "nio");
        slot.open(plan, handler);
        assertFalse(slot.listening());
        slot.close();
        assertTrue(log.isEmpty(), "a transport that never started is not stopped");
    }
}
