package dev.menagerie.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default build's small random phase for a Jazzer fuzz target: inputs made by mutating the target's seed
 * corpus ({@code <TestClass>Inputs/<method>/} next to the test class) with a seeded {@link Random}, fed to the
 * target up to a count and a time budget, whichever ends first. Every run draws a fresh seed and logs it; a
 * failure names the seed and the input's number and writes the input to {@code target/random-inputs/}, so that
 * {@code -Dfuzz.random.seed=<seed>} replays the same inputs and the file can become a seed. Input {@code n} of a
 * seed does not depend on timing. See docs/fuzzing.md.
 */
public final class RandomInputs {

    /** Replays a run: the seed its log line or failure printed. */
    public static final String SEED_PROPERTY = "fuzz.random.seed";
    /** Inputs per target (default {@value #DEFAULT_EXECUTIONS}); 0 turns the phase off. */
    public static final String EXECUTIONS_PROPERTY = "fuzz.random.executions";
    /** Time budget per target in milliseconds (default {@value #DEFAULT_BUDGET_MS}). */
    public static final String BUDGET_PROPERTY = "fuzz.random.budgetMs";
    static final int DEFAULT_EXECUTIONS = 3000;
    static final long DEFAULT_BUDGET_MS = 3000;
    private static final int MAX_STACKED_MUTATIONS = 4;
    private static final int MAX_INPUT_BYTES = 256 * 1024;
    private static final int[] INTERESTING_INTS = {0, 1, -1, 2, 16, 127, 128, 255, 256, 1024, 4096, 65535, 65536,
        0xfffff, 0x100000, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE - 1, -2};

    private static final Logger LOG = LoggerFactory.getLogger(RandomInputs.class);

    /** One fuzz target's body; any exception or error it throws is a failure. */
    @FunctionalInterface
    public interface Target {
        void accept(byte[] input) throws Exception;
    }

    private final String name;
    private final List<byte[]> seeds;

    private RandomInputs(String name, List<byte[]> seeds) {
        this.name = name;
        this.seeds = seeds;
    }

    /** The target {@code method} of {@code testClass}, with its committed seeds (and the empty input). */
    public static RandomInputs forTarget(Class<?> testClass, String method) {
        String dir = testClass.getSimpleName() + "Inputs/" + method;
        URL url = testClass.getResource(dir);
        if (url == null || !"file".equals(url.getProtocol())) {
            throw new IllegalStateException("no seed directory " + dir + " next to " + testClass.getName()
                    + " on the test class path (" + url + "): the random phase mutates the committed seeds");
        }
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(new byte[0]);
        try (Stream<Path> files = Files.list(Paths.get(url.toURI()))) {
            for (Path file : files.sorted().toList()) {
                seeds.add(Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return new RandomInputs(testClass.getSimpleName() + "#" + method, seeds);
    }

    /** Runs the target over fresh inputs; returns how many ran. Fails with the seed on the first failure. */
    public int run(Target target) {
        long seed = Long.getLong(SEED_PROPERTY, new Random().nextLong());
        int executions = Integer.getInteger(EXECUTIONS_PROPERTY, DEFAULT_EXECUTIONS);
        long deadline = System.nanoTime() + Long.getLong(BUDGET_PROPERTY, DEFAULT_BUDGET_MS) * 1_000_000L;
        long started = System.nanoTime();
        int ran = 0;
        for (int n = 0; n < executions && System.nanoTime() < deadline; n++) {
            byte[] input = input(seed, n);
            try {
                target.accept(input);
            } catch (Throwable failure) {
                Path saved = save(input);
                throw new AssertionError(name + " failed on random input " + n + " of seed " + seed + " (replay: -D"
                        + SEED_PROPERTY + "=" + seed + "; input saved as " + saved + "): " + failure, failure);
            }
            ran++;
        }
        LOG.info("{}: {} random inputs in {} ms, seed {} (replay with -D{}={})", name, ran,
                (System.nanoTime() - started) / 1_000_000, seed, SEED_PROPERTY, seed);
        return ran;
    }

    /** Input {@code n} of a run: a seed from the corpus with one to four mutations, or two seeds spliced. */
    byte[] input(long seed, int n) {
        Random random = new Random(seed * 31 + name.hashCode() + 1_000_003L * n);
        byte[] input = seeds.get(random.nextInt(seeds.size())).clone();
        int mutations = 1 + random.nextInt(MAX_STACKED_MUTATIONS);
        for (int i = 0; i < mutations && input.length <= MAX_INPUT_BYTES; i++) {
            input = mutate(input, random);
        }
        return input;
    }

    private byte[] mutate(byte[] input, Random random) {
        int at = input.length == 0 ? 0 : random.nextInt(input.length);
        switch (random.nextInt(8)) {
            case 0 -> {
                if (input.length > 0) {
                    input[at] ^= (byte) (1 << random.nextInt(8));
                }
                return input;
            }
            case 1 -> {
                if (input.length > 0) {
                    input[at] = (byte) random.nextInt(256);
                }
                return input;
            }
            case 2 -> {
                if (input.length >= 4) {
                    int value = INTERESTING_INTS[random.nextInt(INTERESTING_INTS.length)];
                    writeInt(input, random.nextInt(input.length - 3), value);
                }
                return input;
            }
            case 3 -> {
                return cut(input, at, random.nextInt(Math.max(1, Math.min(16, input.length - at)) + 1));
            }
            case 4 -> {
                byte[] inserted = new byte[1 + random.nextInt(16)];
                random.nextBytes(inserted);
                return splice(input, at, inserted);
            }
            case 5 -> {
                return Arrays.copyOf(input, input.length == 0 ? 0 : random.nextInt(input.length));
            }
            case 6 -> {
                int length = input.length - at == 0 ? 0 : 1 + random.nextInt(Math.min(64, input.length - at));
                return splice(input, random.nextInt(input.length + 1),
                        Arrays.copyOfRange(input, at, at + length));
            }
            default -> {
                byte[] other = seeds.get(random.nextInt(seeds.size()));
                int from = other.length == 0 ? 0 : random.nextInt(other.length);
                return splice(Arrays.copyOf(input, at), at, Arrays.copyOfRange(other, from,
                        other.length));
            }
        }
    }

    private static void writeInt(byte[] input, int at, int value) {
        input[at] = (byte) (value >>> 24);
        input[at + 1] = (byte) (value >>> 16);
        input[at + 2] = (byte) (value >>> 8);
        input[at + 3] = (byte) value;
    }

    private static byte[] cut(byte[] input, int at, int length) {
        int end = Math.min(input.length, at + length);
        byte[] out = new byte[input.length - (end - at)];
        System.arraycopy(input, 0, out, 0, at);
        System.arraycopy(input, end, out, at, input.length - end);
        return out;
    }

    private static byte[] splice(byte[] input, int at, byte[] inserted) {
        byte[] out = new byte[input.length + inserted.length];
        System.arraycopy(input, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(input, at, out, at + inserted.length, input.length - at);
        return out;
    }

    private Path save(byte[] input) {
        try {
            Path dir = Files.createDirectories(Paths.get("target", "random-inputs"));
            String file = name.replace('#', '-') + "-" + HexFormat.of().toHexDigits(Arrays.hashCode(input));
            return Files.write(dir.resolve(file), input);
        } catch (IOException e) {
            LOG.warn("Could not save the failing input of {}: {}", name, e.toString());
            return null;
        }
    }
}
