package dev.menagerie.it.process.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.menagerie.it.process.ApacheServer;
import dev.menagerie.it.process.Clients;
import dev.menagerie.it.process.Distribution;
import dev.menagerie.it.process.MenagerieServer;
import dev.menagerie.it.process.ServerProcess;
import dev.menagerie.testing.Await;
import dev.menagerie.testing.FreePorts;
import dev.menagerie.testing.TestCertificates;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apache ZooKeeper 3.9.5's Jetty admin server and Menagerie's, both with {@code admin.forceHttps} or
 * {@code admin.portUnification}, {@code admin.needClientAuth} and the same {@code ssl.quorum.*} and
 * {@code ssl.trustStore.*} stores, and a root ACL granting everything to one certificate subject: the same requests
 * get the same outcome from both, from plain HTTP and a client without a certificate to {@code snapshot} authorized
 * by {@code x509} (200), refused for another trusted certificate (403), without the header or over plain HTTP (401),
 * and the same {@code insecure_admin_count}.
 */
class AdminHttpsDifferentialTest {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    private static final String PASSWORD = new String(TestCertificates.PASSWORD);
    private static final String BACKUP_SUBJECT = "CN=menagerie-test-client";
    /** An outcome that is not an HTTP answer: the connection or the handshake failed. */
    private static final String NO_HTTP_ANSWER = "no HTTP answer";

    @TempDir
    static Path certificateFolder;
    private static TestCertificates certificates;
    private static Path stranger;
    /** The admin port's and the x509 scheme's trust store: the backup certificate and the stranger's. */
    private static Path adminTrust;

    @BeforeAll
    static void makeCertificates() throws Exception {
        certificates = new TestCertificates(certificateFolder);
        stranger = certificates.newKeyPair("stranger", "CN=stranger", null, null);
        adminTrust = TestCertificates.trustStoreOf(certificateFolder.resolve("admin-trust.p12"),
                TestCertificates.certificateOf(certificates.clientKeys), TestCertificates.certificateOf(stranger));
    }

    @Test
    void forceHttpsAnswersAsApache() throws Exception {
        assertEquals(List.of("https ruok: 200", "http ruok: " + NO_HTTP_ANSWER,
                "https ruok without certificate: " + NO_HTTP_ANSWER, "snapshot without header: 401",
                "snapshot x509 of another subject: 403", "http snapshot x509: " + NO_HTTP_ANSWER,
                "snapshot x509: 200", "insecure_admin_count: 0"), compare("admin.forceHttps"));
    }

    @Test
    void portUnificationAnswersAsApache() throws Exception {
        assertEquals(List.of("https ruok: 200", "http ruok: 200",
                "https ruok without certificate: " + NO_HTTP_ANSWER, "snapshot without header: 401",
                "snapshot x509 of another subject: 403", "http snapshot x509: 401", "snapshot x509: 200",
                "insecure_admin_count: 2"), compare("admin.portUnification"));
    }

    /** Apache's outcomes, once Menagerie's are found to be the same. */
    private static List<String> compare(String modeKey) throws Exception {
        Path work = Distribution.newWorkDir("admin-https");
        Map<String, String> https = new LinkedHashMap<>(Map.of(modeKey, "true",
                "admin.needClientAuth", "true",
                "ssl.quorum.keyStore.location", certificates.serverKeys.toString(),
                "ssl.quorum.keyStore.password", PASSWORD,
                "ssl.quorum.trustStore.location", adminTrust.toString(),
                "ssl.quorum.trustStore.password", PASSWORD,
                "ssl.trustStore.location", adminTrust.toString(),
                "ssl.trustStore.password", PASSWORD,
                "authProvider.x509", "org.apache.zookeeper.server.auth.X509AuthenticationProvider"));
        int apacheAdminPort = FreePorts.next();
        Map<String, String> apacheKeys = new LinkedHashMap<>(https);
        apacheKeys.putAll(Map.of("admin.enableServer", "true", "admin.serverAddress", "127.0.0.1",
                "admin.serverPort", String.valueOf(apacheAdminPort)));
        try (ApacheServer apache = ApacheServer.forTest("apache", work, apacheKeys);
                MenagerieServer menagerie = MenagerieServer.forTest("menagerie", work, https)) {
            apache.start();
            menagerie.start();
            List<String> apacheOutcomes = outcomes(apache, apacheAdminPort);
            List<String> menagerieOutcomes = outcomes(menagerie, menagerie.adminPort());
            assertEquals(apacheOutcomes, menagerieOutcomes, "Menagerie's outcomes (output "
                    + menagerie.outputFile() + ", Apache's " + apache.outputFile() + ")");
            return apacheOutcomes;
        }
    }

    private static List<String> outcomes(ServerProcess server, int adminPort) throws Exception {
        ZooKeeper zk = Clients.awaitServing(server, START_TIMEOUT);
        try {
            // The client's validateACL asks contains(null), which an immutable list refuses.
            zk.setACL("/", new ArrayList<>(List.of(new ACL(ZooDefs.Perms.ALL, new Id("x509", BACKUP_SUBJECT)),
                    new ACL(ZooDefs.Perms.READ, ZooDefs.Ids.ANYONE_ID_UNSAFE))), -1);
        } finally {
            Clients.closeQuietly(zk);
        }
        SSLContext backup = certificates.clientContext(true);
        SSLContext other = certificates.clientContext(stranger);
        URI https = URI.create("https://127.0.0.1:" + adminPort + "/commands/");
        URI http = URI.create("http://127.0.0.1:" + adminPort + "/commands/");
        Await.untilNoException("the HTTPS admin server of " + server + " to answer ruok", START_TIMEOUT,
                () -> send(backup, https.resolve("ruok"), null).statusCode() == 200 ? true : null);
        List<String> outcomes = new ArrayList<>();
        outcomes.add("https ruok: " + outcome(backup, https.resolve("ruok"), null));
        outcomes.add("http ruok: " + outcome(null, http.resolve("ruok"), null));
        outcomes.add("https ruok without certificate: " + outcome(certificates.clientContext(false),
                https.resolve("ruok"), null));
        outcomes.add("snapshot without header: " + outcome(backup, https.resolve("snapshot"), null));
        outcomes.add("snapshot x509 of another subject: " + outcome(other, https.resolve("snapshot"), "x509"));
        outcomes.add("http snapshot x509: " + outcome(null, http.resolve("snapshot"), "x509"));
        outcomes.add("snapshot x509: " + outcome(backup, https.resolve("snapshot"), "x509"));
        JsonNode monitor = new ObjectMapper().readTree(send(backup, https.resolve("monitor"), null).body());
        outcomes.add("insecure_admin_count: " + monitor.path("insecure_admin_count").asText("absent"));
        return outcomes;
    }

    private static String outcome(SSLContext tls, URI uri, String authorization) throws InterruptedException {
        try {
            return String.valueOf(send(tls, uri, authorization).statusCode());
        } catch (IOException e) {
            return NO_HTTP_ANSWER;
        }
    }

    private static HttpResponse<byte[]> send(SSLContext tls, URI uri, String authorization)
            throws IOException, InterruptedException {
        HttpClient.Builder client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(REQUEST_TIMEOUT);
        if (tls != null) {
            client.sslContext(tls);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.build().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
