package dev.menagerie.server.impl.cnxn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.menagerie.api.status.FourLetterWordHandler;
import dev.menagerie.api.status.ServerStatus;
import dev.menagerie.server.impl.status.FourLetterWordSlot;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The client port's rules before a four-letter word reaches the handler. */
class FourLetterWordGateTest {

    /** Only handed on: the gate itself never reads the status. */
    private final ServerStatus status = (ServerStatus) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {ServerStatus.class}, (proxy, method, args) -> {
                throw new AssertionError("the gate read the status: " + method.getName());
            });
    private final FourLetterWordSlot slot = new FourLetterWordSlot();
    private final List<String> handled = new ArrayList<>();
    private final FourLetterWordHandler handler = (word, given) -> {
        assertSame(status, given);
        handled.add(word);
        return "answer to " + word;
    };

    private FourLetterWordGate gate(String... whitelist) {
        return new FourLetterWordGate(() -> Set.of(whitelist), slot, status);
    }

    @Test
    void anEnabledWordGoesToTheHandler() {
        slot.bind(handler);

        assertEquals("answer to srvr", gate("srvr", "ruok").answer("srvr"));
        assertEquals("answer to mntr", gate("*").answer("mntr"));
        assertEquals(List.of("srvr", "mntr"), handled);
    }

    @Test
    void aWordOutsideTheWhitelistGetsApachesRefusalWithoutReachingTheHandler() {
        slot.bind(handler);

        assertEquals("stat is not executed because it is not in the whitelist.\n", gate("srvr").answer("stat"));
        assertEquals(List.of(), handled);
    }

    @Test
    void stmkWithItsMaskReachesTheHandlerWithTheMaskOnlyWhenEnabled() {
        slot.bind(new FourLetterWordHandler() {
            @Override
            public String answer(String word, ServerStatus given) {
                return "no mask";
            }

            @Override
            public String answer(String word, long argument, ServerStatus given) {
                return word + " " + argument;
            }
        });

        assertEquals("stmk -5", gate("stmk").answer("stmk", -5L));
        assertEquals("stmk is not executed because it is not in the whitelist.\n", gate("gtmk").answer("stmk", -5L));
    }

    @Test
    void aHandlerWithoutTheArgumentMethodAnswersAsForTheWordAlone() {
        slot.bind(handler);

        assertEquals("answer to stmk", gate("*").answer("stmk", 7L));
        assertEquals(List.of("stmk"), handled);
    }

    @Test
    void aWordApacheDoesNotKnowClosesTheConnection() {
        slot.bind(handler);

        assertNull(gate("*").answer("telnet close"));
        assertNull(gate("*").answer("xyzw"));
        assertEquals(List.of(), handled);
    }

    @Test
    void withoutAHandlerAnEnabledWordIsRefusedWithTheReason() {
        assertEquals("ruok is not executed because no four-letter word handler is running.\n",
                gate("ruok").answer("ruok"));
        assertEquals("stat is not executed because it is not in the whitelist.\n", gate("ruok").answer("stat"),
                "the whitelist still decides first");
    }

    @Test
    void aHandlerThatGoesAwayIsNoLongerAsked() {
        slot.bind(handler);
        FourLetterWordHandler replacement = (word, given) -> "replacement";
        slot.bind(replacement);
        slot.unbind(handler);
        assertEquals("replacement", gate("*").answer("ruok"), "a greedy rebind keeps the newer handler");

        slot.unbind(replacement);
        assertEquals("ruok" + FourLetterWordHandler.NO_HANDLER_ANSWER, gate("*").answer("ruok"));
    }

    @Test
    void aFailingHandlerClosesTheConnection() {
        slot.bind((word, given) -> {
            throw new IllegalStateException("broken handler");
        });

        assertNull(gate("*").answer("ruok"));
    }
}
