package dev.menagerie.it.process.jepsen;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An acknowledged sequential create: the parent, when it was invoked and answered, and the counter the server put
 * in the name.
 */
public record SequentialCreate(String parent, String name, long invokeNs, long completeNs, long sequence) {

    /**
     * What is wrong with these creates: a counter given twice under one parent, or a create that was invoked after
     * another one had been answered yet got a smaller counter (the counter is the parent's cversion, which only
     * grows).
     */
    public static List<String> problems(List<SequentialCreate> creates) {
        List<String> problems = new ArrayList<>();
        Map<String, List<SequentialCreate>> byParent = creates.stream()
                .collect(Collectors.groupingBy(SequentialCreate::parent));
        byParent.forEach((parent, ofParent) -> {
            Map<Long, SequentialCreate> bySequence = new HashMap<>();
            for (SequentialCreate create : ofParent) {
                SequentialCreate twin = bySequence.putIfAbsent(create.sequence(), create);
                if (twin != null) {
                    problems.add("sequence " + create.sequence() + " under " + parent + " given twice: "
                            + twin.name() + " and " + create.name());
                }
            }
            problems.addAll(orderProblems(ofParent));
        });
        return problems;
    }

    /** Sweeps the invocations in time order, knowing the largest counter of everything answered before each. */
    private static List<String> orderProblems(List<SequentialCreate> ofParent) {
        List<SequentialCreate> byInvoke = new ArrayList<>(ofParent);
        byInvoke.sort(Comparator.comparingLong(SequentialCreate::invokeNs));
        List<SequentialCreate> byComplete = new ArrayList<>(ofParent);
        byComplete.sort(Comparator.comparingLong(SequentialCreate::completeNs));
        List<String> problems = new ArrayList<>();
        SequentialCreate largestAnswered = null;
        int answered = 0;
        for (SequentialCreate create : byInvoke) {
            while (answered < byComplete.size() && byComplete.get(answered).completeNs() < create.invokeNs()) {
                SequentialCreate done = byComplete.get(answered++);
                if (largestAnswered == null || done.sequence() > largestAnswered.sequence()) {
                    largestAnswered = done;
                }
            }
            if (largestAnswered != null && create.sequence() <= largestAnswered.sequence()) {
                problems.add(create.name() + " was created after " + largestAnswered.name()
                        + " had been acknowledged, yet its counter is not larger");
            }
        }
        return problems;
    }
}
