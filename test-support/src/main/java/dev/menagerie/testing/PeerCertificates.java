package dev.menagerie.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Self-signed server certificates for quorum TLS tests, one PKCS12 key store per server made by the JDK's keytool,
 * and one trust store that trusts the servers made as trusted. Used by the quorum bundle's and the process tests.
 */
public final class PeerCertificates {

    public static final String PASSWORD = "changeit";

    private final Path dir;
    private final Path trustStore;

    public PeerCertificates(Path dir) throws IOException, GeneralSecurityException {
        this.dir = dir;
        this.trustStore = dir.resolve("quorum-trust.p12");
        Files.createDirectories(dir);
        save(emptyStore(), trustStore);
    }

    /** The trust store every server of the ensemble uses. */
    public Path trustStore() {
        return trustStore;
    }

    /** A new key store {@code <name>.p12}; its certificate is added to {@link #trustStore()} if {@code trusted}. */
    public Path identity(String name, boolean trusted) throws IOException, GeneralSecurityException,
            InterruptedException {
        Path keys = dir.resolve(name + ".p12");
        Files.deleteIfExists(keys);
        keytool(List.of("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=" + name, "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-keystore",
                keys.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD));
        if (trusted) {
            KeyStore trust = load(trustStore);
            trust.setCertificateEntry(name, load(keys).getCertificate(name));
            save(trust, trustStore);
        }
        return keys;
    }

    /** The key and certificate of {@code p12} as one PEM file (an unencrypted PKCS#8 key), for PEM stores. */
    public static void writePemKeyStore(Path p12, Path pem) throws IOException, GeneralSecurityException {
        KeyStore store = load(p12);
        String alias = store.aliases().nextElement();
        String text = pemBlock("PRIVATE KEY", store.getKey(alias, PASSWORD.toCharArray()).getEncoded())
                + pemBlock("CERTIFICATE", store.getCertificate(alias).getEncoded());
        Files.writeString(pem, text, StandardCharsets.US_ASCII);
    }

    /** Every certificate of the trust store {@code p12} as a PEM file. */
    public static void writePemTrustStore(Path p12, Path pem) throws IOException, GeneralSecurityException {
        KeyStore store = load(p12);
        StringBuilder text = new StringBuilder();
        for (String alias : java.util.Collections.list(store.aliases())) {
            text.append(pemBlock("CERTIFICATE", store.getCertificate(alias).getEncoded()));
        }
        Files.writeString(pem, text, StandardCharsets.US_ASCII);
    }

    private static String pemBlock(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static KeyStore emptyStore() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }

    private static KeyStore load(Path path) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private static void save(KeyStore store, Path path) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(path)) {
            store.store(out, PASSWORD.toCharArray());
        }
    }

    private static void keytool(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("keytool " + arguments.get(0) + " failed: "
                    + new String(output, StandardCharsets.UTF_8));
        }
    }
}
