package dev.menagerie.quorum.contract;

import dev.menagerie.api.config.HostPort;
import dev.menagerie.api.config.LearnerType;
import dev.menagerie.api.config.QuorumMember;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;

/** Builds quorum members for tests: by hand for worked examples, or at random from a seeded Random. */
public final class Ensembles {

    private Ensembles() {
    }

    public static QuorumMember participant(long id, long group, long weight) {
        return member(id, LearnerType.PARTICIPANT, group, weight);
    }

    /** A participant in no group with the default weight, as a zoo.cfg without group/weight lines gives. */
    public static QuorumMember participant(long id) {
        return participant(id, QuorumMember.NO_GROUP, 1);
    }

    public static QuorumMember observer(long id) {
        return member(id, LearnerType.OBSERVER, QuorumMember.NO_GROUP, 1);
    }

    public static QuorumMember member(long id, LearnerType type, long group, long weight) {
        // Ports only have to be valid; nothing listens in these tests.
        return new QuorumMember(id, new HostPort("127.0.0.1", 20000 + (int) (id % 10000)),
                new HostPort("127.0.0.1", 30000 + (int) (id % 10000)), null, type, group, weight);
    }

    /**
     * {@code size} members with distinct ids from 1 to 3*size: about a quarter observers (half of those in no
     * group), every participant in one of three groups, weights 0 to 3. At least one participant has a weight above
     * zero, so every strategy has a voter.
     */
    public static List<QuorumMember> randomEnsemble(Random random, int size) {
        List<QuorumMember> members = new ArrayList<>();
        for (long id : randomIds(random, size)) {
            boolean observer = random.nextInt(4) == 0;
            long group = observer && random.nextBoolean() ? QuorumMember.NO_GROUP : 1 + random.nextInt(3);
            long weight = random.nextInt(4);
            members.add(member(id, observer ? LearnerType.OBSERVER : LearnerType.PARTICIPANT, group, weight));
        }
        if (members.stream().noneMatch(QuorumMember::votes)) {
            QuorumMember first = members.get(0);
            members.set(0, participant(first.id(), 1 + random.nextInt(3), 1 + random.nextInt(3)));
        }
        return members;
    }

    private static Set<Long> randomIds(Random random, int size) {
        Set<Long> ids = new TreeSet<>();
        while (ids.size() < size) {
            ids.add(1L + random.nextInt(3 * size));
        }
        return ids;
    }

    /** One line per ensemble, e.g. {@code [1:participant/g2/w3, 4:observer/g-/w1]}, for failure messages. */
    public static String describe(List<QuorumMember> members) {
        StringJoiner line = new StringJoiner(", ", "[", "]");
        for (QuorumMember m : members) {
            String group = m.group() == QuorumMember.NO_GROUP ? "-" : Long.toString(m.group());
            line.add(m.id() + ":" + m.type().configName() + "/g" + group + "/w" + m.weight());
        }
        return line.toString();
    }
}
