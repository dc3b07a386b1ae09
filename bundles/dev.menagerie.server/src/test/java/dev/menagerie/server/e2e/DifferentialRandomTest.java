package dev.menagerie.server.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random scripts, the same on Apache and on Menagerie. The seeds are fixed so a run is repeatable; a failure names
 * its seed, and {@code -Ddifferential.seed=N} adds that seed to the run.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class DifferentialRandomTest {

    private static final int OPS_PER_SCRIPT = 120;

    static {
        DifferentialSettings.apply();
    }

    @TempDir
    Path dir;

    static List<Arguments> seeds() {
        List<Long> seeds = new ArrayList<>(List.of(11L, 23L, 2024L, 777L));
        Long extra = Long.getLong("differential.seed");
        if (extra != null) {
            seeds.add(extra);
        }
        List<Arguments> cases = new ArrayList<>();
        for (String transport : List.of("nio", "netty")) {
            for (long seed : seeds) {
                cases.add(Arguments.of(transport, seed));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "seed {1} on {0}")
    @MethodSource("seeds")
    void randomScriptsAnswerAsOnApache(String transport, long seed) throws Exception {
        String key = "random-" + seed;
        List<String> apache = Transcripts.apache(key, dir, s -> RandomScripts.run(seed, OPS_PER_SCRIPT, s));
        List<String> menagerie = Transcripts.menagerie(dir, transport,
                s -> RandomScripts.run(seed, OPS_PER_SCRIPT, s));
        Transcripts.assertSame(apache, menagerie, "random script with seed " + seed + " on " + transport
                + " (rerun with -Ddifferential.seed=" + seed + ")");
    }
}
