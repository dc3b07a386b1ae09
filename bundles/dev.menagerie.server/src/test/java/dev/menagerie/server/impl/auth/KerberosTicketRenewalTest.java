package dev.menagerie.server.impl.auth;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.testing.LoopbackKdc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import javax.security.auth.kerberos.KerberosTicket;
import javax.security.auth.login.Configuration;
import javax.security.sasl.SaslServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's Kerberos login renews itself before its ticket-granting ticket expires, against a Kerby KDC that
 * issues four-second tickets. Kerberos configuration is JVM-wide: this class runs in a fork of its own (see the pom).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KerberosTicketRenewalTest {
    private static final String PRINCIPAL = "zookeeper/localhost@" + LoopbackKdc.REALM;

    @TempDir
    Path dir;

    @AfterEach
    void forgetJaas() {
        System.clearProperty(SaslLogin.JAAS_FILE_PROPERTY);
        Configuration.setConfiguration(null);
    }

    @Test
    void theServerLogsInAgainBeforeItsTicketExpires() throws Exception {
        try (LoopbackKdc kdc = LoopbackKdc.start(dir, 4).pointThisJvmAtIt()) {
            Path keytab = kdc.createWithKeytab(PRINCIPAL, "zookeeper");
            Path jaas = dir.resolve("jaas.conf");
            Files.writeString(jaas, LoopbackKdc.keytabSection("Server", PRINCIPAL, keytab));
            System.setProperty(SaslLogin.JAAS_FILE_PROPERTY, jaas.toString());
            Configuration.setConfiguration(null);
            try (KerberosLogin login = KerberosLogin.login("Server",
                    new KerberosSettings(500, KerberosSettings.DEFAULT_KINIT_COMMAND, false))) {
                KerberosTicket first = login.tgt();
                assertNotNull(first, "a keytab login with isInitiator (the default) holds a TGT");
                // Logging out destroys the old ticket, so keep its times.
                Date firstEnd = first.getEndTime();
                KerberosTicket renewed = awaitNewTicket(login, first.getStartTime(), firstEnd.getTime());
                assertTrue(renewed.getEndTime().after(firstEnd), () -> "renewed: " + renewed);
                SaslServer server = login.newServer(callbacks -> { });
                assertTrue(server.getMechanismName().equals("GSSAPI"), server.getMechanismName());
                server.dispose();
            }
        }
    }

    /** Polls the login's TGT until one starts after {@code firstStart}; fails if none came by the first's expiry. */
    private static KerberosTicket awaitNewTicket(KerberosLogin login, Date firstStart, long firstEndMs)
            throws InterruptedException {
        long deadlineMs = firstEndMs + 10_000;
        while (System.currentTimeMillis() < deadlineMs) {
            KerberosTicket current = login.tgt();
            if (current != null && current.getStartTime().after(firstStart)) {
                return current;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("no new TGT by " + new Date(deadlineMs) + "; the first expired at "
                + new Date(firstEndMs));
    }
}
