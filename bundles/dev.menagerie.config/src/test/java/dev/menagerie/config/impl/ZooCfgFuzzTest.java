package dev.menagerie.config.impl;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.menagerie.testing.RandomInputs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fuzz target for zoo.cfg: whatever the text (Properties syntax, continuations, escapes, server lines, groups,
 * weights, every known key), parsing gives a configuration or a {@link ConfigException} naming the line, never
 * another exception. Parsing only reads files (a myid in dataDir), so any path the fuzzer writes is harmless. Seeds
 * under {@code ZooCfgFuzzTestInputs/}; see docs/fuzzing.md.
 */
class ZooCfgFuzzTest {

    /** The random phase of the default build: mutated seeds, bounded in count and time (docs/fuzzing.md). */
    @Test
    void randomInputs() {
        RandomInputs.forTarget(getClass(), "zooCfg").run(this::zooCfg);
    }

    @FuzzTest(maxDuration = "60s")
    void zooCfg(byte[] content) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        try {
            assertNotNull(new ConfigParser(Map.of()).parse(Path.of("zoo.cfg"), ZooCfgReader.parse(text)).config());
        } catch (ConfigException refused) {
            // the server does not start and says which line is wrong
        }
    }
}
