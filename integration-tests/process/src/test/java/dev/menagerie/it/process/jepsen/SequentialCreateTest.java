package dev.menagerie.it.process.jepsen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SequentialCreateTest {

    private static SequentialCreate create(String parent, long invoke, long complete, long sequence) {
        return new SequentialCreate(parent, parent + "/n-" + sequence, invoke, complete, sequence);
    }

    @Test
    void concurrentCreatesMayGetTheirCountersInAnyOrder() {
        assertEquals(List.of(), SequentialCreate.problems(List.of(
                create("/a", 0, 10, 2), create("/a", 1, 5, 1), create("/a", 11, 12, 3), create("/b", 0, 1, 1))));
    }

    @Test
    void aCounterGivenTwiceOrGoingBackIsReported() {
        assertEquals(List.of("sequence 1 under /a given twice: /a/n-1 and /a/n-1"),
                SequentialCreate.problems(List.of(create("/a", 0, 1, 1), create("/a", 0, 1, 1))));
        assertEquals(List.of("/a/n-4 was created after /a/n-5 had been acknowledged, yet its counter is not larger"),
                SequentialCreate.problems(List.of(create("/a", 0, 1, 5), create("/a", 2, 3, 4))));
    }
}
