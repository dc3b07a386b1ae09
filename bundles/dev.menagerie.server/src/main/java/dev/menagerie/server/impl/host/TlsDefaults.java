package dev.menagerie.server.impl.host;

import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * Apache ZooKeeper's client-port defaults on a Java 9+ runtime: TLSv1.3 only when the JDK has it (else TLSv1.2),
 * and its list of ECDHE AES-GCM, then AES-CBC, then TLS 1.3 suites, less those this JDK lacks.
 */
final class TlsDefaults {

    static final String PROTOCOL;
    private static final List<String> CIPHER_SUITES;

    static {
        SSLParameters supported = supported();
        PROTOCOL = Arrays.asList(supported.getProtocols()).contains("TLSv1.3") ? "TLSv1.3" : "TLSv1.2";
        Set<String> available = Set.of(supported.getCipherSuites());
        CIPHER_SUITES = Stream.of(
                "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
                "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
                "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
                "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384",
                "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
                "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256")
                .filter(available::contains).toList();
    }

    private TlsDefaults() {
    }

    static List<String> cipherSuites() {
        return CIPHER_SUITES;
    }

    private static SSLParameters supported() {
        try {
            return SSLContext.getDefault().getSupportedSSLParameters();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no default TLS context", e);
        }
    }
}
