package dev.menagerie.testing;

import dev.menagerie.api.transport.TransportSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Self-signed server and client certificates made with the JDK's keytool, and the key and trust stores that
 * make each side trust the other.
 */
public final class TestCertificates {

    public static final char[] PASSWORD = "changeit".toCharArray();

    public final Path serverKeys;
    public final Path serverTrust;
    public final Path clientKeys;
    public final Path clientTrust;

    public TestCertificates(Path dir) throws IOException, InterruptedException {
        serverKeys = dir.resolve("server-keys.p12");
        serverTrust = dir.resolve("server-trust.p12");
        clientKeys = dir.resolve("client-keys.p12");
        clientTrust = dir.resolve("client-trust.p12");
        makeKeyPair(serverKeys, "server", "CN=menagerie-test-server", "SAN=ip:127.0.0.1,dns:localhost");
        makeKeyPair(clientKeys, "client", "CN=menagerie-test-client", null);
        Path serverCert = export(serverKeys, "server", dir.resolve("server-keys.crt"));
        Path clientCert = export(clientKeys, "client", dir.resolve("client-keys.crt"));
        trust(clientTrust, "server", serverCert);
        trust(serverTrust, "client", clientCert);
    }

    /**
     * Another self-signed key pair in a PKCS12 store {@code <name>.p12} under the folder of the others, and its
     * certificate in {@code <name>.crt}; {@code validFrom} is keytool's {@code -startdate} (e.g. {@code -10d}), or
     * null for now.
     */
    public Path newKeyPair(String name, String dname, String san, String validFrom)
            throws IOException, InterruptedException {
        Path store = serverKeys.resolveSibling(name + ".p12");
        List<String> command = new ArrayList<>(List.of("-genkeypair", "-alias", name, "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", dname, "-validity", validFrom == null ? "2" : "1", "-keystore",
                store.toString(), "-storetype", "PKCS12", "-storepass", new String(PASSWORD)));
        if (san != null) {
            command.addAll(List.of("-ext", "SAN=" + san));
        }
        if (validFrom != null) {
            command.addAll(List.of("-startdate", validFrom));
        }
        keytool(command);
        export(store, name, serverKeys.resolveSibling(name + ".crt"));
        return store;
    }

    /**
     * A key pair in {@code <name>.p12} whose certificate the self-signed CA in {@code ca} (made by
     * {@link #newCertificateAuthority}) signed, valid from {@code validFrom} (keytool's {@code -startdate}) or now.
     */
    public Path newSignedKeyPair(String name, String dname, Path ca, String validFrom)
            throws IOException, InterruptedException {
        Path store = serverKeys.resolveSibling(name + ".p12");
        String password = new String(PASSWORD);
        keytool(List.of("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", dname,
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", password));
        Path request = store.resolveSibling(name + ".csr");
        keytool(List.of("-certreq", "-alias", name, "-keystore", store.toString(), "-storepass", password, "-file",
                request.toString()));
        Path certificate = certificateOf(store);
        List<String> sign = new ArrayList<>(List.of("-gencert", "-rfc", "-alias", "ca", "-keystore", ca.toString(),
                "-storepass", password, "-infile", request.toString(), "-outfile", certificate.toString(),
                "-validity", validFrom == null ? "2" : "1"));
        if (validFrom != null) {
            sign.addAll(List.of("-startdate", validFrom));
        }
        keytool(sign);
        trust(store, "ca", certificateOf(ca));
        keytool(List.of("-importcert", "-noprompt", "-alias", name, "-file", certificate.toString(), "-keystore",
                store.toString(), "-storepass", password));
        return store;
    }

    /** A self-signed certificate authority (alias {@code ca}) in {@code <name>.p12}, its certificate beside it. */
    public Path newCertificateAuthority(String name, String dname) throws IOException, InterruptedException {
        Path store = serverKeys.resolveSibling(name + ".p12");
        keytool(List.of("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", dname,
                "-validity", "2", "-ext", "bc:c", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", new String(PASSWORD)));
        export(store, "ca", certificateOf(store));
        return store;
    }

    /** A PKCS12 trust store at {@code store} holding the given PEM certificates. */
    public static Path trustStoreOf(Path store, Path... certificates) throws IOException, InterruptedException {
        for (int i = 0; i < certificates.length; i++) {
            trust(store, "trusted-" + i, certificates[i]);
        }
        return store;
    }

    /** The certificate keytool exported beside a store made by this class. */
    public static Path certificateOf(Path store) {
        String name = store.getFileName().toString();
        return store.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".crt");
    }

    public TransportSettings.Tls serverTls(boolean needClientAuth) {
        return new TransportSettings.Tls(serverKeys, PASSWORD, "PKCS12", serverTrust, PASSWORD, "PKCS12",
                needClientAuth);
    }

    /** A client context that trusts the server; it presents the client certificate only if asked to. */
    public SSLContext clientContext(boolean withCertificate) throws IOException, GeneralSecurityException {
        return clientContext(withCertificate ? load(clientKeys) : emptyStore());
    }

    /** A client context that trusts the server and presents the key pair in {@code keys}, a store made here. */
    public SSLContext clientContext(Path keys) throws IOException, GeneralSecurityException {
        return clientContext(load(keys));
    }

    private SSLContext clientContext(KeyStore identity) throws IOException, GeneralSecurityException {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(clientTrust));
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(identity, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    private static KeyStore load(Path path) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, PASSWORD);
        }
        return store;
    }

    private static KeyStore emptyStore() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, PASSWORD);
        return store;
    }

    private static void makeKeyPair(Path store, String alias, String dname, String extension)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("-genkeypair", "-alias", alias, "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", dname, "-validity", "2", "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", new String(PASSWORD)));
        if (extension != null) {
            command.addAll(List.of("-ext", extension));
        }
        keytool(command);
    }

    private static Path export(Path store, String alias, Path certificate) throws IOException, InterruptedException {
        keytool(List.of("-exportcert", "-rfc", "-alias", alias, "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", new String(PASSWORD), "-file", certificate.toString()));
        return certificate;
    }

    private static void trust(Path store, String alias, Path certificate) throws IOException, InterruptedException {
        keytool(List.of("-importcert", "-noprompt", "-alias", alias, "-file", certificate.toString(), "-keystore",
                store.toString(), "-storetype", "PKCS12", "-storepass", new String(PASSWORD)));
    }

    private static void keytool(List<String> arguments) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new ArrayList<>();
        command.add(keytool.toString());
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("keytool failed: " + new String(output, StandardCharsets.UTF_8));
        }
    }
}
