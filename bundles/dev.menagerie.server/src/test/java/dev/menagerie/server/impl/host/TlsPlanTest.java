package dev.menagerie.server.impl.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.config.InvalidConfigException;
import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.transport.TransportSettings.ClientAuth;
import dev.menagerie.api.transport.TransportSettings.Revocation;
import dev.menagerie.testing.ZooCfg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How Apache's client-port ssl.* keys read, and which values refuse the start with a line naming the key. */
class TlsPlanTest {

    @TempDir
    Path dir;

    private ServerConfig config(String... lines) throws Exception {
        StringBuilder text = new StringBuilder("tickTime=2000\ndataDir=" + dir.resolve("data") + "\nclientPort=2181\n"
                + "serverCnxnFactory=netty\nsecureClientPort=2281\nssl.keyStore.location=/keys/server.p12\n");
        for (String line : lines) {
            text.append(line).append('\n');
        }
        Path cfg = dir.resolve("zoo.cfg");
        Files.writeString(cfg, text);
        return ZooCfg.read(cfg);
    }

    @Test
    void defaultsAreApaches() throws Exception {
        TlsPlan plan = TlsPlan.from(config());
        assertEquals(ClientAuth.NEED, plan.clientAuth());
        assertEquals(List.of(TlsDefaults.PROTOCOL), plan.enabledProtocols(), "only ssl.protocol, as Netty's port");
        assertEquals(TlsDefaults.cipherSuites(), plan.cipherSuites());
        assertEquals(Revocation.NONE, plan.revocation());
        assertFalse(plan.verifyClientHostname(), "client hostname verification is off for client ports");
        assertEquals("PKCS12", plan.keyStore().type(), "inferred from .p12");
        assertNull(plan.trustStore().location());
    }

    @Test
    void noTlsWithoutASecurePortOrPortUnification() throws Exception {
        Path cfg = dir.resolve("plain.cfg");
        Files.writeString(cfg, "tickTime=2000\ndataDir=" + dir.resolve("data") + "\nclientPort=2181\n");
        assertNull(TlsPlan.from(ZooCfg.read(cfg)));
    }

    @Test
    void settingsAreReadAsApacheReadsThem() throws Exception {
        Path passwordFile = Files.writeString(dir.resolve("password"), "s3cret" + System.lineSeparator());
        TlsPlan plan = TlsPlan.from(config("ssl.keyStore.passwordPath=" + passwordFile, "ssl.keyStore.password=other",
                "ssl.trustStore.location=/keys/trust.pem", "ssl.clientAuth=want",
                "ssl.enabledProtocols=TLSv1.2,TLSv1.3", "ssl.ciphersuites=TLS_AES_128_GCM_SHA256", "ssl.crl=true",
                "ssl.clientHostnameVerification=true", "client.certReload=true", "client.portUnification=true"));
        assertEquals("s3cret", plan.keyStore().password(), "the password file wins, without its line break");
        assertEquals("PEM", plan.trustStore().type());
        assertEquals(ClientAuth.WANT, plan.clientAuth());
        assertEquals(List.of("TLSv1.2", "TLSv1.3"), plan.enabledProtocols());
        assertEquals(List.of("TLS_AES_128_GCM_SHA256"), plan.cipherSuites());
        assertEquals(Revocation.CRL, plan.revocation());
        assertTrue(plan.verifyClientHostname());
        assertTrue(plan.reloadStores());
        assertTrue(plan.portUnification());
        assertEquals(Revocation.OCSP, TlsPlan.from(config("ssl.ocsp=true")).revocation());
        assertFalse(TlsPlan.from(config("ssl.hostnameVerification=false", "ssl.clientHostnameVerification=true"))
                .verifyClientHostname(), "clientHostnameVerification needs hostnameVerification");
    }

    @Test
    void settingsThatCannotBeHonouredRefuseTheStartNamingTheKey() throws Exception {
        assertRefused("ssl.authProvider", "ssl.authProvider=custom");
        assertRefused("ssl.context.supplier.class", "ssl.context.supplier.class=com.example.Supplier");
        assertRefused("ssl.sslProvider", "ssl.sslProvider=OPENSSL");
        assertRefused("ssl.clientAuth", "ssl.clientAuth=maybe");
        assertRefused("ssl.keyStore.type", "ssl.keyStore.type=BCFKS");
        assertRefused("ssl.trustStore.type", "ssl.trustStore.location=/keys/trust.store");
        assertRefused("ssl.keyStore.passwordPath", "ssl.keyStore.passwordPath=" + dir.resolve("missing"));
    }

    /** zoo.cfg's parser refuses the keys it knows cannot be honoured; the TLS plan refuses values it cannot use. */
    private void assertRefused(String key, String line) throws Exception {
        ServerConfig config;
        try {
            config = config(line);
        } catch (InvalidConfigException byParser) {
            assertTrue(byParser.getMessage().startsWith("zoo.cfg:7: " + key + ": not supported"), byParser.getMessage());
            return;
        }
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> TlsPlan.from(config));
        assertTrue(refused.getMessage().startsWith(key), refused.getMessage());
    }
}
