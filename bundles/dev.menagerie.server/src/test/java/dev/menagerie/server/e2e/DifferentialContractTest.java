package dev.menagerie.server.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract: every hand-written script gives the same transcript (answers, error codes, full stats, ACLs,
 * watch events and their order) on Apache ZooKeeper 3.9.5 and on Menagerie, over both Menagerie transports.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DifferentialContractTest {

    static {
        DifferentialSettings.apply();
    }

    @TempDir
    Path dir;

    static List<Arguments> scripts() {
        List<Arguments> cases = new ArrayList<>();
        for (String transport : List.of("nio", "netty")) {
            for (String name : ContractScripts.all().keySet()) {
                cases.add(Arguments.of(transport, name));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("scripts")
    void menagerieAnswersAsApacheDoes(String transport, String name) throws Exception {
        Consumer<Script> script = ContractScripts.all().get(name);
        List<String> apache = Transcripts.apache(name, dir, script);
        List<String> menagerie = Transcripts.menagerie(dir, transport, script);
        Transcripts.assertSame(apache, menagerie, name + " on " + transport);
    }
}
