package dev.menagerie.quorum.impl.tls;

import dev.menagerie.api.config.ServerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Apache ZooKeeper's quorum TLS settings: {@code sslQuorum}, {@code portUnification},
 * {@code sslQuorumReloadCertFiles} and the {@code ssl.quorum.*} family, read from zoo.cfg or, as Apache reads them,
 * from the {@code zookeeper.<key>} system properties. Defaults are Apache 3.9's (clientAuth need, TLSv1.3, its
 * cipher suites, 5 s to tell TLS from plaintext).
 *
 * @param keyStore this server's key and certificate, or null when not configured
 * @param trustStore the certificates peers are checked against, or null for the JDK's default CAs
 * @param enabledProtocols null for the context's defaults
 * @param cipherSuites null for Apache's default list
 */
public record QuorumTlsSettings(boolean sslQuorum, boolean portUnification, boolean reloadCertFiles, Store keyStore,
        Store trustStore, String protocol, List<String> enabledProtocols, List<String> cipherSuites,
        ClientAuth clientAuth, boolean crl, boolean ocsp, int handshakeDetectionTimeoutMs) {

    static final String PREFIX = "ssl.quorum.";
    static final int DEFAULT_DETECTION_TIMEOUT_MS = 5000;

    /** Whether the side that accepts a connection asks for the peer's certificate; Apache's quorum default is NEED. */
    public enum ClientAuth { NONE, WANT, NEED }

    /**
     * A key or trust store file.
     *
     * @param type JKS, PKCS12 or PEM, from the {@code type} setting or else the file's extension
     */
    public record Store(Path location, char[] password, StoreType type) {
    }

    public QuorumTlsSettings {
        enabledProtocols = enabledProtocols == null ? null : List.copyOf(enabledProtocols);
        cipherSuites = cipherSuites == null ? null : List.copyOf(cipherSuites);
    }

    /** True when any quorum connection may use TLS: the listeners then need a context too. */
    public boolean tlsInUse() {
        return sslQuorum || portUnification;
    }

    /** Reads the settings; fails with the key whose value cannot be used. */
    public static QuorumTlsSettings from(ServerConfig config) throws IOException {
        return from(config.properties());
    }

    /** Reads the settings from zoo.cfg's {@code file} keys, else from the system properties. */
    static QuorumTlsSettings from(Map<String, String> file) throws IOException {
        Lookup get = key -> {
            String value = file.get(key);
            value = value != null ? value : System.getProperty("zookeeper." + key);
            return value == null || value.isBlank() ? null : value.trim();
        };
        return new QuorumTlsSettings(flag(get, "sslQuorum"), flag(get, "portUnification"),
                flag(get, "sslQuorumReloadCertFiles"), store(get, "keyStore"), store(get, "trustStore"),
                orDefault(get.value(PREFIX + "protocol"), "TLSv1.3"), list(get.value(PREFIX + "enabledProtocols")),
                list(get.value(PREFIX + "ciphersuites")), clientAuth(get.value(PREFIX + "clientAuth")),
                flag(get, PREFIX + "crl"), flag(get, PREFIX + "ocsp"), detectionTimeout(get));
    }

    @FunctionalInterface
    private interface Lookup {
        String value(String key);
    }

    private static boolean flag(Lookup get, String key) {
        return Boolean.parseBoolean(get.value(key));
    }

    private static String orDefault(String value, String defaultValue) {
        return value == null ? defaultValue : value;
    }

    private static List<String> list(String value) {
        return value == null ? null : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .toList();
    }

    private static ClientAuth clientAuth(String value) throws IOException {
        if (value == null) {
            return ClientAuth.NEED;
        }
        try {
            return ClientAuth.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IOException(PREFIX + "clientAuth must be none, want or need, not " + value);
        }
    }

    private static int detectionTimeout(Lookup get) {
        String value = get.value(PREFIX + "handshakeDetectionTimeoutMillis");
        try {
            int ms = value == null ? DEFAULT_DETECTION_TIMEOUT_MS : Integer.parseInt(value);
            return ms < 1 ? DEFAULT_DETECTION_TIMEOUT_MS : ms; // as Apache: 0 would block an accept for ever
        } catch (NumberFormatException e) {
            return DEFAULT_DETECTION_TIMEOUT_MS;
        }
    }

    private static Store store(Lookup get, String which) throws IOException {
        String location = get.value(PREFIX + which + ".location");
        if (location == null) {
            return null;
        }
        String password = get.value(PREFIX + which + ".password");
        String passwordPath = get.value(PREFIX + which + ".passwordPath");
        if (passwordPath != null) { // as Apache: the file wins over the inline password
            password = readSecret(Path.of(passwordPath), PREFIX + which + ".passwordPath");
        }
        StoreType type = StoreType.of(get.value(PREFIX + which + ".type"), location, PREFIX + which + ".type");
        return new Store(Path.of(location), password == null ? new char[0] : password.toCharArray(), type);
    }

    /** The file's text without one trailing line break. */
    private static String readSecret(Path path, String key) throws IOException {
        try {
            String text = Files.readString(path, StandardCharsets.UTF_8);
            return text.endsWith(System.lineSeparator())
                    ? text.substring(0, text.length() - System.lineSeparator().length()) : text;
        } catch (IOException e) {
            throw new IOException("cannot read " + key + " " + path + ": " + e.getMessage(), e);
        }
    }
}
