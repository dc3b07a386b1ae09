package dev.menagerie.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;

/** Writes PEM key and trust store files from the PKCS12 stores {@link TestCertificates} makes. */
public final class PemExport {

    private PemExport() {
    }

    /** The store's one private key (unencrypted PKCS#8) followed by its certificate chain. */
    public static Path keyStore(Path pkcs12, Path pem) throws IOException, GeneralSecurityException {
        KeyStore store = load(pkcs12);
        String alias = store.aliases().nextElement();
        Key key = store.getKey(alias, TestCertificates.PASSWORD);
        StringBuilder text = new StringBuilder(block("PRIVATE KEY", key.getEncoded()));
        for (Certificate certificate : store.getCertificateChain(alias)) {
            text.append(block("CERTIFICATE", certificate.getEncoded()));
        }
        Files.writeString(pem, text, StandardCharsets.US_ASCII);
        return pem;
    }

    /** The PEM certificates keytool exported, concatenated. */
    public static Path trustStore(Path pem, Path... certificates) throws IOException {
        StringBuilder text = new StringBuilder();
        for (Path certificate : certificates) {
            text.append(Files.readString(certificate, StandardCharsets.US_ASCII)).append('\n');
        }
        Files.writeString(pem, text, StandardCharsets.US_ASCII);
        return pem;
    }

    public static String block(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static KeyStore load(Path pkcs12) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(pkcs12)) {
            store.load(in, TestCertificates.PASSWORD);
        }
        return store;
    }
}
