package dev.menagerie.it.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.menagerie.testing.PeerCertificates;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Quorum TLS ({@code sslQuorum}) with server processes on 127.0.0.1: a Menagerie ensemble whose election and quorum
 * ports speak TLS only, and a rolling upgrade of a mixed Menagerie and Apache ZooKeeper 3.9.5 ensemble from
 * plaintext through {@code portUnification} to TLS, as Apache's administrator's guide describes it. Certificates
 * are self-signed, made by keytool for each run; a server whose certificate is not in the trust store stays out.
 */
@Timeout(300)
class QuorumTlsEnsembleTest {

    private static PeerCertificates certificates;
    private static final Map<String, Path> KEYS = new HashMap<>();

    @BeforeAll
    static void makeCertificates() throws Exception {
        certificates = new PeerCertificates(Distribution.newWorkDir("quorum-tls-certs"));
        for (String name : List.of("server1", "server2", "server3")) {
            KEYS.put(name, certificates.identity(name, true));
        }
        KEYS.put("intruder", certificates.identity("intruder", false));
    }

    @Test
    void aTlsOnlyEnsembleReplicatesSurvivesALeaderKillAndKeepsAnUntrustedServerOut() throws Exception {
        Map<Integer, EnsembleMember.Impl> impls = Map.of(1, EnsembleMember.Impl.MENAGERIE, 2,
                EnsembleMember.Impl.MENAGERIE, 3, EnsembleMember.Impl.MENAGERIE);
        try (Ensemble ensemble = Ensemble.startMixed(impls, EnsembleTest.layout(3, 0), "quorum-tls",
                EnsembleTest.JVM_FLAGS, id -> tls("server" + id, true, false))) {
            ensemble.awaitWritable(EnsembleTest.START_TIMEOUT);
            EnsembleTest.prepareLoad(ensemble);
            AckLedger ledger = new AckLedger();
            EnsembleLoad load = new EnsembleLoad(ensemble.connectString(), ledger, "tls", 1_000_000,
                    Duration.ofMinutes(3));
            load.start(1);
            try (WriteProbe probe = new WriteProbe(ensemble.connectString())) {
                EnsembleTest.awaitMoreWrites(load, 100, "over TLS", ensemble);
                assertEquals("CN=server1", electionPortCertificate(ensemble, 1),
                        "the election port answers TLS with the server's certificate");

                int leader = ensemble.awaitLeader(EnsembleTest.FAILOVER_TIMEOUT);
                ensemble.kill(leader);
                assertNotNull(probe.awaitWrite(EnsembleTest.FAILOVER_TIMEOUT), "no write after killing leader "
                        + leader + " (" + probe.lastFailure() + ")" + ensemble.diagnostics());
                ensemble.restart(leader);
                ensemble.awaitServing(leader, EnsembleTest.START_TIMEOUT);

                int outsider = ensemble.awaitLeader(EnsembleTest.FAILOVER_TIMEOUT) == 3 ? 2 : 3;
                ensemble.kill(outsider);
                ensemble.member(outsider).setExtraConfig(tls("intruder", true, false));
                ensemble.restart(outsider);
                ensemble.awaitOutput(outsider, "Refused election connection from", EnsembleTest.START_TIMEOUT);
                EnsembleTest.awaitMoreWrites(load, 100, "while server " + outsider + " has an untrusted"
                        + " certificate", ensemble);
                assertEquals("none", ensemble.member(outsider).mode(Duration.ofSeconds(2)),
                        "a server with an untrusted certificate joined; modes " + ensemble.modes());

                ensemble.kill(outsider);
                ensemble.member(outsider).setExtraConfig(tls("server" + outsider, true, false));
                ensemble.restart(outsider);
                ensemble.awaitServing(outsider, EnsembleTest.START_TIMEOUT);
            } finally {
                load.stopAndAwait(EnsembleTest.FAILOVER_TIMEOUT);
            }
            assertEquals(List.of(), load.unexpectedErrors(), "writer errors");
            EnsembleTest.assertLedgerOnEveryMember(ensemble, ledger);
        }
    }

    @Test
    void menagerieAndApacheServersRollFromPlaintextToTlsWithoutLosingWrites() throws Exception {
        Map<Integer, EnsembleMember.Impl> impls = Map.of(1, EnsembleMember.Impl.MENAGERIE, 2,
                EnsembleMember.Impl.MENAGERIE, 3, EnsembleMember.Impl.APACHE);
        try (Ensemble ensemble = Ensemble.startMixed(impls, EnsembleTest.layout(3, 0), "quorum-tls-roll",
                EnsembleTest.JVM_FLAGS)) {
            ensemble.awaitWritable(EnsembleTest.START_TIMEOUT);
            EnsembleTest.prepareLoad(ensemble);
            AckLedger ledger = new AckLedger();
            EnsembleLoad load = new EnsembleLoad(ensemble.connectString(), ledger, "roll", 1_000_000,
                    Duration.ofMinutes(4));
            Set<EnsembleMember.Impl> tlsLeaders;
            load.start(1);
            try (WriteProbe probe = new WriteProbe(ensemble.connectString())) {
                // Apache's steps: port unification everywhere, then TLS everywhere, one restart at a time.
                rollTo(ensemble, load, false, true);
                rollTo(ensemble, load, true, true);
                assertEquals("CN=server3", electionPortCertificate(ensemble, 3),
                        "Apache's election port answers TLS");
                // Back as TLS only after each kill: Apache's last, optional step.
                tlsLeaders = EnsembleTest.killLeadersUntilBothLed(ensemble, load, probe, 3,
                        id -> tls("server" + id, true, false));
                EnsembleTest.awaitMoreWrites(load, 100, "after the upgrade", ensemble);
            } finally {
                load.stopAndAwait(EnsembleTest.FAILOVER_TIMEOUT);
            }
            assertEquals(EnumSet.allOf(EnsembleMember.Impl.class), tlsLeaders,
                    "both implementations led over TLS");
            assertEquals(List.of(), load.unexpectedErrors(), "writer errors");
            EnsembleTest.assertLedgerOnEveryMember(ensemble, ledger);
        }
    }

    /** Restarts each member in turn with the given settings; writes must go on at every step. */
    private static void rollTo(Ensemble ensemble, EnsembleLoad load, boolean sslQuorum, boolean portUnification)
            throws Exception {
        EnsembleTest.rollingRestart(ensemble, load, id -> tls("server" + id, sslQuorum, portUnification),
                "sslQuorum=" + sslQuorum + ", portUnification=" + portUnification);
    }

    private static String tls(String identity, boolean sslQuorum, boolean portUnification) {
        return "sslQuorum=" + sslQuorum + "\nportUnification=" + portUnification + "\n"
                + "ssl.quorum.keyStore.location=" + KEYS.get(identity) + "\n"
                + "ssl.quorum.keyStore.password=" + PeerCertificates.PASSWORD + "\n"
                + "ssl.quorum.trustStore.location=" + certificates.trustStore() + "\n"
                + "ssl.quorum.trustStore.password=" + PeerCertificates.PASSWORD + "\n";
    }

    /** What a TLS client that presents server2's certificate sees on member {@code id}'s election port. */
    private static String electionPortCertificate(Ensemble ensemble, int id) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        KeyManagerFactory keys = KeyManagerFactory.getInstance("PKIX");
        keys.init(load(KEYS.get("server2")), PeerCertificates.PASSWORD.toCharArray());
        TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
        trust.init(load(certificates.trustStore()));
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", ensemble.layout().member(id).electionPort()), 5_000);
            socket.setSoTimeout(5_000);
            socket.startHandshake();
            return socket.getSession().getPeerPrincipal().getName();
        }
    }

    private static KeyStore load(Path path) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, PeerCertificates.PASSWORD.toCharArray());
        }
        return store;
    }

}
