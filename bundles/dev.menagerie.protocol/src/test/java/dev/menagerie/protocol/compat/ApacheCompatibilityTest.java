package dev.menagerie.protocol.compat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The proof of wire compatibility: for every record, Apache ZooKeeper 3.9.5's own classes and ours encode the
 * same values to the same bytes, we decode Apache's bytes to the same values, and Apache decodes ours.
 */
class ApacheCompatibilityTest {

    static Stream<Case> cases() {
        return Stream.concat(StorageCases.all().stream(), ProtoCases.all().stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void encodesTheSameBytesAsApache(Case sample) {
        assertArrayEquals(Apache.bytes(sample.theirs()), Apache.ours(sample.ours()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decodesApacheBytesToTheSameValues(Case sample) throws JuteException {
        JuteReader reader = JuteReader.of(Apache.bytes(sample.theirs()));
        assertEquals(sample.ours(), sample.reader().read(reader));
        assertFalse(reader.hasRemaining(), "every byte Apache wrote is consumed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void apacheDecodesOurBytesToTheSameValues(Case sample) {
        byte[] ours = Apache.ours(sample.ours());
        // Re-encoding Apache's decoded copy compares every field, nulls included, without Apache's equals().
        assertArrayEquals(ours, Apache.bytes(Apache.decode(sample.theirs().getClass(), ours)));
    }

    @Test
    void everyRecordOfApacheJuteModulesHasATestedCounterpart() throws IOException, URISyntaxException {
        Set<String> tested = cases().map(Case::toString).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(apacheJuteRecordNames(), tested);
        assertEquals(cases().count(), tested.size(), "each record is sampled once");
    }

    @Test
    void theSamplesUseOurAndApacheClassesOfTheSameName() {
        List<String> mismatched = cases()
                .filter(c -> !c.ours().getClass().getSimpleName().equals(c.theirs().getClass().getSimpleName()))
                .map(Case::toString)
                .toList();
        assertEquals(List.of(), mismatched);
    }

    /** The simple names of the record classes Apache generates from zookeeper.jute, read from its jar. */
    private static Set<String> apacheJuteRecordNames() throws IOException, URISyntaxException {
        Path jar = Path.of(org.apache.zookeeper.proto.ConnectRequest.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI());
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream()
                    .map(JarEntry::getName)
                    .filter(name -> name.startsWith("org/apache/zookeeper/") && name.endsWith(".class"))
                    .filter(name -> !name.contains("$"))
                    .map(name -> name.substring(name.lastIndexOf('/') + 1, name.length() - ".class".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
