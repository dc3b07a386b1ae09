package dev.menagerie.server.impl.host;

import static dev.menagerie.server.impl.core.ServerSettings.setting;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.server.impl.core.ServerSettings;
import dev.menagerie.api.transport.TransportSettings;
import dev.menagerie.api.transport.TransportSettings.ClientAuth;
import dev.menagerie.api.transport.TransportSettings.Revocation;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TLS on the client ports as Apache ZooKeeper 3.9's {@code ssl.*} and {@code client.*} keys set it (zoo.cfg, then
 * {@code -Dzookeeper.<key>}), resolved to plain values: defaults applied, store types inferred from file names,
 * passwords read from their files. A setting we cannot honour and whose loss would weaken security refuses the
 * start, naming the key.
 */
public record TlsPlan(StorePlan keyStore, StorePlan trustStore, ClientAuth clientAuth,
        List<String> enabledProtocols, List<String> cipherSuites, Revocation revocation,
        boolean verifyClientHostname, boolean allowReverseDnsLookup, boolean reloadStores, boolean portUnification) {

    private static final Logger LOG = LoggerFactory.getLogger(TlsPlan.class);

    /** One store: its file (null when unset), password and type ({@code JKS}, {@code PKCS12} or {@code PEM}). */
    public record StorePlan(String location, String password, String type) {
    }

    /** The plan, or null when no client port offers TLS; throws naming the first key that cannot be honoured. */
    public static TlsPlan from(ServerConfig config) {
        if (!ServerSettings.offersTls(config)) {
            return null;
        }
        refuseUnsupported(config);
        String protocol = or(setting(config, "ssl.protocol"), TlsDefaults.PROTOCOL);
        String enabled = setting(config, "ssl.enabledProtocols");
        String ciphers = setting(config, "ssl.ciphersuites");
        boolean crl = flag(config, "ssl.crl", false);
        boolean ocsp = flag(config, "ssl.ocsp", false);
        return new TlsPlan(StoreKeys.read(config, "ssl.keyStore"), StoreKeys.read(config, "ssl.trustStore"),
                clientAuth(config), enabled == null ? List.of(protocol) : list(enabled),
                ciphers == null ? TlsDefaults.cipherSuites() : list(ciphers),
                ocsp ? Revocation.OCSP : crl ? Revocation.CRL : Revocation.NONE,
                // Apache's client-port default: server-side checks need both switches on.
                flag(config, "ssl.hostnameVerification", true) && flag(config, "ssl.clientHostnameVerification", false),
                flag(config, "ssl.allowReverseDnsLookup", false), flag(config, "client.certReload", false),
                flag(config, "client.portUnification", false));
    }

    TransportSettings.Tls settings() {
        return new TransportSettings.Tls(path(keyStore.location()), chars(keyStore.password()), keyStore.type(),
                path(trustStore.location()), chars(trustStore.password()), trustStore.type(), clientAuth,
                enabledProtocols, cipherSuites, revocation, verifyClientHostname, allowReverseDnsLookup, reloadStores,
                portUnification);
    }

    private static void refuseUnsupported(ServerConfig config) {
        String authProvider = setting(config, "ssl.authProvider");
        if (authProvider != null && !authProvider.trim().equals("x509")) {
            throw new IllegalArgumentException("ssl.authProvider=" + authProvider + " is not supported: TLS clients"
                    + " are authenticated by the built-in x509 scheme only (custom provider classes are not loaded)");
        }
        if (setting(config, "ssl.context.supplier.class") != null) {
            throw new IllegalArgumentException("ssl.context.supplier.class is not supported: arbitrary classes are"
                    + " not loaded; configure the ssl.keyStore.* and ssl.trustStore.* keys instead");
        }
        String provider = setting(config, "ssl.sslProvider");
        if (provider != null && !provider.trim().equals("JDK")) {
            throw new IllegalArgumentException("ssl.sslProvider=" + provider + " is not available: only JDK is"
                    + " supported (netty-tcnative/OpenSSL is not bundled)");
        }
        if (setting(config, "ssl.handshakeDetectionTimeoutMillis") != null) {
            LOG.warn("ssl.handshakeDetectionTimeoutMillis is ignored: like Apache ZooKeeper's Netty client port, ours"
                    + " detects TLS without a timeout (the key tunes the quorum's unified port)");
        }
    }

    private static ClientAuth clientAuth(ServerConfig config) {
        String value = setting(config, "ssl.clientAuth");
        if (value == null || value.isEmpty()) {
            return ClientAuth.NEED;
        }
        try {
            return ClientAuth.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ssl.clientAuth=" + value + " is not one of need, want, none");
        }
    }

    static boolean flag(ServerConfig config, String key, boolean defaultValue) {
        String value = setting(config, key);
        return value == null ? defaultValue : Boolean.parseBoolean(value.trim());
    }

    private static String or(String value, String defaultValue) {
        return value == null ? defaultValue : value.trim();
    }

    private static List<String> list(String commaSeparated) {
        return java.util.Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .toList();
    }

    private static Path path(String value) {
        return value == null ? null : Path.of(value);
    }

    private static char[] chars(String value) {
        return value == null ? null : value.toCharArray();
    }
}
