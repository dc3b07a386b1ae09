package dev.menagerie.transport.netty.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.menagerie.testing.PemExport;
import dev.menagerie.testing.TestCertificates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PEM key and trust stores read with the JDK alone. */
class PemStoreTest {

    @TempDir
    Path dir;

    @Test
    void pkcs8KeyAndChainAndTrustedCertificatesLoad() throws Exception {
        TestCertificates certs = new TestCertificates(dir);
        KeyStore keys = PemStore.keyStore(PemExport.keyStore(certs.serverKeys, dir.resolve("keys.pem")), null);
        assertEquals("CN=menagerie-test-server", ((java.security.cert.X509Certificate) keys.getCertificate("key"))
                .getSubjectX500Principal().getName());
        KeyStore trust = PemStore.trustStore(PemExport.trustStore(dir.resolve("trust.pem"),
                TestCertificates.certificateOf(certs.clientKeys), TestCertificates.certificateOf(certs.serverKeys)));
        assertEquals(2, trust.size());
    }

    @Test
    void pkcs1RsaKeyIsWrappedIntoTheSamePkcs8Encoding() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey key = generator.generateKeyPair().getPrivate();
        byte[] pkcs8 = key.getEncoded();
        // PKCS#8 of RSA: SEQUENCE(4-byte header) { version(3) algorithm(15) OCTET STRING(4-byte header) { PKCS#1 } }
        byte[] pkcs1 = Arrays.copyOfRange(pkcs8, 4 + 3 + 15 + 4, pkcs8.length);
        assertArrayEquals(pkcs8, PemStore.pkcs8OfRsa(pkcs1));
    }

    @Test
    void aFileWithoutAKeyIsRefusedWithAMessage() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "nothing here", StandardCharsets.US_ASCII);
        GeneralSecurityException refused = assertThrows(GeneralSecurityException.class,
                () -> PemStore.keyStore(empty, null));
        assertEquals(true, refused.getMessage().contains("no private key"), refused.getMessage());
    }
}
