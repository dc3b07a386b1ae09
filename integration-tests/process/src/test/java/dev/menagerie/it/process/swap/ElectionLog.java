package dev.menagerie.it.process.swap;

import dev.menagerie.it.process.EnsembleMember;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What members' logs say about an election: the history each one started its round with ({@code Server N starts an
 * election with zxid 0x.., epoch E}) and the leader it ended with ({@code Election done in .. ms: leader L}), and
 * whether the winner is the one the election's order demands: the highest (epoch, zxid) among the members that took
 * part, and among equally up-to-date ones the highest rank (priority then server id under {@code priority}, server
 * id under {@code fast}).
 */
final class ElectionLog {

    private static final Pattern STARTED = Pattern.compile(
            "Server (\\d+) starts an election with zxid 0x([0-9a-f]+), epoch (\\d+)");
    private static final Pattern DONE = Pattern.compile("Election done in \\d+ ms: leader (\\d+) ");

    /** A member's last round since a mark: the history it proposed and the leader it settled on. */
    record Round(int id, long epoch, long zxid, int leader) {
    }

    private ElectionLog() {
    }

    /** How many lines each member's log has now: the start of what {@link #lastRound} reads. */
    static long mark(EnsembleMember member) {
        return lines(member).size();
    }

    /** Lines of member's log containing {@code text}, across its restarts. */
    static long count(EnsembleMember member, String text) {
        return lines(member).stream().filter(line -> line.contains(text)).count();
    }

    private static List<String> lines(EnsembleMember member) {
        try {
            return Files.readAllLines(member.logFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + member.logFile() + ": " + e, e);
        }
    }

    /** The member's last finished round after line {@code mark}, or null if it finished none. */
    static Round lastRound(EnsembleMember member, long mark) {
        List<String> lines = lines(member);
        Round last = null;
        Matcher started = null;
        for (String line : lines.subList((int) Math.min(mark, lines.size()), lines.size())) {
            Matcher s = STARTED.matcher(line);
            if (s.find()) {
                started = s;
                continue;
            }
            Matcher d = DONE.matcher(line);
            if (d.find() && started != null) {
                last = new Round(member.id(), Long.parseLong(started.group(3)), Long.parseLong(started.group(2), 16),
                        Integer.parseInt(d.group(1)));
            }
        }
        return last;
    }

    /**
     * Checks that every member in {@code rounds} settled on {@code winner} and that the order allowed no other:
     * nobody started with a newer history, and among those as up to date as the winner it ranks highest
     * ({@code priorities} empty under {@code fast}). Returns why it won, for the table; throws an AssertionError
     * naming the rounds otherwise.
     */
    static String checkWinner(int winner, Collection<Round> rounds, Map<Integer, Integer> priorities) {
        Round won = rounds.stream().filter(r -> r.id() == winner).findFirst().orElseThrow(() -> new AssertionError(
                "the winner " + winner + " logged no round of its own: " + rounds));
        List<Integer> tied = new ArrayList<>();
        for (Round round : rounds) {
            if (round.leader() != winner) {
                throw new AssertionError("server " + round.id() + " settled on " + round.leader() + ", not " + winner
                        + ": " + rounds);
            }
            int history = compareHistory(round, won);
            if (history > 0) {
                throw new AssertionError("server " + round.id() + " was more up to date than the winner " + winner
                        + ": " + rounds);
            }
            if (history == 0 && round.id() != winner) {
                if (rank(round.id(), priorities) > rank(winner, priorities)) {
                    throw new AssertionError("server " + round.id() + " was as up to date as " + winner
                            + " and ranks higher (priorities " + priorities + "): " + rounds);
                }
                tied.add(round.id());
            }
        }
        return tied.isEmpty() ? "newest history" : "tie with " + tied + " broken by "
                + (priorities.isEmpty() ? "server id" : "priority");
    }

    private static int compareHistory(Round a, Round b) {
        int epochs = Long.compare(a.epoch(), b.epoch());
        return epochs != 0 ? epochs : Long.compareUnsigned(a.zxid(), b.zxid());
    }

    /** Priority first (0 for a server the table has no line for, as the priority bundle reads it), then id. */
    private static long rank(int id, Map<Integer, Integer> priorities) {
        return priorities.isEmpty() ? id : priorities.getOrDefault(id, 0) * 1_000L + id;
    }
}
