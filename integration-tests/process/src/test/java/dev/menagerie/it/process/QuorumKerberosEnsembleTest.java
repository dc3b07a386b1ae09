package dev.menagerie.it.process;

import static dev.menagerie.testing.LoopbackKdc.keytabSection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.testing.LoopbackKdc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Quorum SASL with Kerberos (GSSAPI) between server processes, configured as Apache's administrator's guide does:
 * {@code quorum.auth.kerberos.servicePrincipal=zkquorum/_HOST}, {@code QuorumServer}/{@code QuorumLearner} JAAS
 * sections of the JDK's Krb5LoginModule with keytabs, FIPS mode left on (Apache's default). An Apache Kerby KDC runs
 * in this JVM; the servers get its krb5.conf as {@code -Djava.security.krb5.conf}, so this JVM's own Kerberos
 * configuration is never read. The servers are written as the loopback address's host name ({@code localhost}),
 * because principals name hosts: {@code zkquorum/localhost}, {@code learner/localhost}.
 */
@Timeout(300)
class QuorumKerberosEnsembleTest {

    private static final String FOREIGN_LEARNER = "learner/elsewhere.example.com@" + LoopbackKdc.REALM;

    private static LoopbackKdc kdc;
    private static String host;
    private static List<String> jvmFlags;

    @BeforeAll
    static void startKdc() throws Exception {
        host = LoopbackKdc.loopbackHostName();
        Path dir = Distribution.newWorkDir("quorum-kerberos-kdc");
        kdc = LoopbackKdc.start(dir);
        String service = "zkquorum/" + host + "@" + LoopbackKdc.REALM;
        String learner = "learner/" + host + "@" + LoopbackKdc.REALM;
        kdc.createWithKeytab(service, "zkquorum");
        // The stale keytab holds the learner's first key, which the KDC then replaces.
        kdc.createWithKeytab(learner, "stale-learner");
        kdc.rekey(learner);
        kdc.writeKeytab(learner, "learner");
        kdc.createWithKeytab(FOREIGN_LEARNER, "foreign-learner");
        Path jaas = dir.resolve("jaas.conf");
        Files.writeString(jaas, keytabSection("QuorumServer", service, kdc.keytab("zkquorum"), true)
                + keytabSection("QuorumLearner", learner, kdc.keytab("learner"), true)
                + keytabSection("StaleLearner", learner, kdc.keytab("stale-learner"), true)
                + keytabSection("ForeignLearner", FOREIGN_LEARNER, kdc.keytab("foreign-learner"), true));
        jvmFlags = List.of("-Xmx512m", "-Djava.security.auth.login.config=" + jaas,
                "-Djava.security.krb5.conf=" + kdc.krb5Conf());
    }

    @AfterAll
    static void stopKdc() throws Exception {
        if (kdc != null) {
            kdc.close();
        }
    }

    @Test
    void aKerberosEnsembleReplicatesAndKeepsOutServersWithAStaleKeyOrAForeignPrincipal() throws Exception {
        int outsider = 3;
        try (Ensemble ensemble = start(EnsembleMember.Impl.MENAGERIE, "quorum-kerberos", "StaleLearner")) {
            // The KDC refuses the outsider's login: it says why in one line and exits, as Apache's server does.
            String stale = ensemble.awaitOutputOf(outsider, "The quorum peer could not start",
                    EnsembleTest.START_TIMEOUT);
            assertTrue(stale.contains("cannot log in with JAAS section 'StaleLearner'")
                    && stale.contains("PREAUTH_FAILED"), stale);
            assertNotEquals(0, ensemble.awaitExit(outsider, EnsembleTest.START_TIMEOUT), "exit status");
            ensemble.awaitWritable(EnsembleTest.START_TIMEOUT);
            QuorumAuthChecks.underLoad(ensemble, "kerberos", load -> {
                // The KDC lets this one in, but its principal names no server.N host: its peers refuse it.
                String foreign = QuorumAuthChecks.assertKeptOut(ensemble, load, outsider,
                        kerberos("ForeignLearner"), "the principal of a foreign host",
                        () -> ensemble.awaitOutput(outsider, FOREIGN_LEARNER
                                + " authenticated but is not authorized", EnsembleTest.START_TIMEOUT));
                assertTrue(foreign.contains("not a server.N host [" + host + "]"), foreign);
                QuorumAuthChecks.assertRejoins(ensemble, load, outsider, kerberos("QuorumLearner"));
            });
        }
    }

    @Test
    void menagerieAndApacheServersFormAKerberosEnsembleAndBothLead() throws Exception {
        try (Ensemble ensemble = start(EnsembleMember.Impl.APACHE, "quorum-kerberos-apache", "QuorumLearner")) {
            ensemble.awaitWritable(EnsembleTest.START_TIMEOUT);
            ensemble.awaitServing(3, EnsembleTest.START_TIMEOUT);
            Set<EnsembleMember.Impl> leaders = EnumSet.noneOf(EnsembleMember.Impl.class);
            // Each implementation leads once, so each is the GSSAPI server of the other's learner on both ports.
            QuorumAuthChecks.underLoad(ensemble, "kerberos-mixed", load -> {
                try (WriteProbe probe = new WriteProbe(ensemble.connectString())) {
                    leaders.addAll(EnsembleTest.killLeadersUntilBothLed(ensemble, load, probe, 3,
                            id -> kerberos("QuorumLearner")));
                }
            });
            assertEquals(EnumSet.allOf(EnsembleMember.Impl.class), leaders,
                    "both implementations led with quorum Kerberos required");
        }
    }

    /**
     * Two Menagerie servers with the right keytabs and {@code thirdServer}, whose learner logs in with
     * {@code thirdLearnerSection}; the server.N hosts are {@link #host}.
     */
    private static Ensemble start(EnsembleMember.Impl thirdServer, String workPrefix, String thirdLearnerSection)
            throws Exception {
        Map<Integer, EnsembleMember.Impl> impls = Map.of(1, EnsembleMember.Impl.MENAGERIE, 2,
                EnsembleMember.Impl.MENAGERIE, 3, thirdServer);
        return Ensemble.startMixed(impls, EnsembleTest.layout(3, 0).withServerHost(host), workPrefix, jvmFlags,
                id -> kerberos(id == 3 ? thirdLearnerSection : "QuorumLearner"));
    }

    private static String kerberos(String learnerSection) {
        return "quorum.auth.enableSasl=true\nquorum.auth.learnerRequireSasl=true\n"
                + "quorum.auth.serverRequireSasl=true\nquorum.auth.learner.saslLoginContext=" + learnerSection
                + "\nquorum.auth.kerberos.servicePrincipal=zkquorum/_HOST\n";
    }
}
