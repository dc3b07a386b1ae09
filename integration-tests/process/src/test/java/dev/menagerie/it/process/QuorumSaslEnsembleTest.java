package dev.menagerie.it.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Quorum SASL ({@code quorum.auth.*}, DIGEST-MD5) with server processes on 127.0.0.1, from one JAAS file written as
 * Apache's administrator's guide writes it: a Menagerie ensemble that requires SASL and keeps a server with the
 * wrong password out, and a mixed Menagerie and Apache ZooKeeper 3.9.5 ensemble rolled from enabled to required
 * SASL in Apache's documented order, in which both implementations lead. Both need {@code fips-mode=false}, as Apache does for DIGEST-MD5.
 */
@Timeout(300)
class QuorumSaslEnsembleTest {

    private static List<String> jvmFlags;

    @BeforeAll
    static void writeJaasFile() throws Exception {
        Path jaas = Distribution.newWorkDir("quorum-sasl-jaas").resolve("jaas.conf");
        Files.writeString(jaas, """
                QuorumServer {
                       org.apache.zookeeper.server.auth.DigestLoginModule required
                       user_zkquorum="quorum-secret";
                };
                QuorumLearner {
                       org.apache.zookeeper.server.auth.DigestLoginModule required
                       username="zkquorum"
                       password="quorum-secret";
                };
                WrongLearner {
                       org.apache.zookeeper.server.auth.DigestLoginModule required
                       username="zkquorum"
                       password="not-the-secret";
                };
                Server {
                       org.apache.zookeeper.server.auth.DigestLoginModule required
                       user_client="client-secret";
                };
                """);
        jvmFlags = Distribution.testJvmFlags("-Xmx512m", "-Djava.security.auth.login.config=" + jaas);
    }

    @Test
    void aRequiredSaslEnsembleReplicatesAndKeepsAServerWithAWrongPasswordOut() throws Exception {
        Map<Integer, EnsembleMember.Impl> impls = Map.of(1, EnsembleMember.Impl.MENAGERIE, 2,
                EnsembleMember.Impl.MENAGERIE, 3, EnsembleMember.Impl.MENAGERIE);
        try (Ensemble ensemble = Ensemble.startMixed(impls, EnsembleTest.layout(3, 0), "quorum-sasl", jvmFlags,
                id -> sasl(true, true, true, "QuorumLearner"))) {
            ensemble.awaitWritable(EnsembleTest.START_TIMEOUT);
            QuorumAuthChecks.underLoad(ensemble, "sasl", load -> {
                int outsider = ensemble.awaitLeader(EnsembleTest.FAILOVER_TIMEOUT) == 3 ? 2 : 3;
                QuorumAuthChecks.assertKeptOut(ensemble, load, outsider, sasl(true, true, true, "WrongLearner"),
                        "a wrong quorum password", () -> ensemble.awaitOutput(outsider,
                                "Refused election connection from", EnsembleTest.START_TIMEOUT));
                QuorumAuthChecks.assertRejoins(ensemble, load, outsider, sasl(true, true, true, "QuorumLearner"));
            });
        }
    }

    @Test
    void menagerieAndApacheServersRollToRequiredSaslWithoutLosingWrites() throws Exception {
        Map<Integer, EnsembleMember.Impl> impls = Map.of(1, EnsembleMember.Impl.MENAGERIE, 2,
                EnsembleMember.Impl.MENAGERIE, 3, EnsembleMember.Impl.APACHE);
        // Apache's first step, enableSasl everywhere, changes nothing on the wire (a learner authenticates only
        // when it requires it), so the ensemble starts there; the two steps that do change it are rolled.
        try (Ensemble ensemble = Ensemble.startMixed(impls, EnsembleTest.layout(3, 0), "quorum-sasl-roll",
                jvmFlags, id -> sasl(true, false, false, "QuorumLearner"))) {
            ensemble.awaitWritable(EnsembleTest.START_TIMEOUT);
            Set<EnsembleMember.Impl> saslLeaders = EnumSet.noneOf(EnsembleMember.Impl.class);
            QuorumAuthChecks.underLoad(ensemble, "roll", load -> {
                try (WriteProbe probe = new WriteProbe(ensemble.connectString())) {
                    // Apache's order: require as learner everywhere, then as server everywhere.
                    EnsembleTest.rollingRestart(ensemble, load, id -> sasl(true, true, false, "QuorumLearner"),
                            "quorum.auth.learnerRequireSasl=true");
                    String required = sasl(true, true, true, "QuorumLearner");
                    EnsembleTest.rollingRestart(ensemble, load, id -> required,
                            "quorum.auth.serverRequireSasl=true");
                    saslLeaders.addAll(EnsembleTest.killLeadersUntilBothLed(ensemble, load, probe, 3,
                            id -> required));
                    EnsembleTest.awaitMoreWrites(load, 100, "after the upgrade", ensemble);
                }
            });
            assertEquals(EnumSet.allOf(EnsembleMember.Impl.class), saslLeaders,
                    "both implementations led with quorum SASL required");
        }
    }

    private static String sasl(boolean enable, boolean learnerRequires, boolean serverRequires,
            String learnerSection) {
        return "quorum.auth.enableSasl=" + enable + "\nquorum.auth.learnerRequireSasl=" + learnerRequires
                + "\nquorum.auth.serverRequireSasl=" + serverRequires
                + "\nquorum.auth.learner.saslLoginContext=" + learnerSection + "\nfips-mode=false\n";
    }
}
