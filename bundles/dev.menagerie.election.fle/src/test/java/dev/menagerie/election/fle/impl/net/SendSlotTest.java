package dev.menagerie.election.fle.impl.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SendSlotTest {

    private static final byte[] OLD = {1};
    private static final byte[] NEW = {2};

    @Test
    void theNewestMessageReplacesAnUnsentOne() throws InterruptedException {
        SendSlot slot = new SendSlot();
        slot.offer(OLD);
        slot.offer(NEW);

        assertArrayEquals(NEW, slot.take(0));
        assertNull(slot.take(0), "the replaced message is gone");
    }

    @Test
    void aNewConnectionResendsTheLastMessageUnlessANewerOneWaits() throws InterruptedException {
        SendSlot slot = new SendSlot();
        assertNull(slot.resendOnConnect(), "nothing sent yet");
        slot.offer(OLD);
        slot.take(0);
        assertArrayEquals(OLD, slot.resendOnConnect());

        slot.offer(NEW);
        assertNull(slot.resendOnConnect(), "the waiting message is newer than the last one sent");
    }

    @Test
    void aMessageGivenBackYieldsToANewerOne() throws InterruptedException {
        SendSlot slot = new SendSlot();
        slot.offer(OLD);
        byte[] taken = slot.take(0);
        slot.offer(NEW);
        slot.giveBack(taken);

        assertArrayEquals(NEW, slot.take(0));
    }
}
