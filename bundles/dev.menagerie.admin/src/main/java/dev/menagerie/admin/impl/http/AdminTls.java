package dev.menagerie.admin.impl.http;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTPS on the admin port, set as Apache ZooKeeper 3.9's JettyAdminServer sets it: {@code admin.forceHttps} serves
 * HTTPS only, {@code admin.portUnification} serves HTTPS and plain HTTP on the one port (forceHttps wins when both
 * are set), {@code admin.needClientAuth} asks every HTTPS client for a certificate (without it none is asked for).
 * The server's key and the certificates it trusts come from the quorum's stores, {@code ssl.quorum.keyStore.*} and
 * {@code ssl.quorum.trustStore.*}, both required; protocols and cipher suites are the JDK's defaults, as Jetty's are
 * (the {@code ssl.quorum.*} protocol and cipher keys are not applied to the admin port).
 *
 * <p>The {@code x509} scheme of {@code snapshot} and {@code restore} checks the client's chain once more against
 * the client port's trust store, {@code ssl.trustStore.*}, as Apache's X509AuthenticationProvider does; without
 * that store no certificate authenticates.
 */
record AdminTls(boolean forceHttps, boolean portUnification, boolean needClientAuth, StoreFile keyStore,
        StoreFile trustStore, StoreFile clientTrustStore) {

    public static final String FORCE_HTTPS = "admin.forceHttps";
    public static final String PORT_UNIFICATION = "admin.portUnification";
    public static final String NEED_CLIENT_AUTH = "admin.needClientAuth";
    static final String KEY_STORE = "ssl.quorum.keyStore";
    static final String TRUST_STORE = "ssl.quorum.trustStore";
    static final String CLIENT_TRUST_STORE = "ssl.trustStore";

    private static final Logger LOG = LoggerFactory.getLogger(AdminTls.class);

    /** The HTTPS settings, or null when the admin port serves plain HTTP only. */
    static AdminTls from(UnaryOperator<String> setting) {
        boolean forceHttps = Boolean.parseBoolean(setting.apply(FORCE_HTTPS));
        boolean portUnification = Boolean.parseBoolean(setting.apply(PORT_UNIFICATION));
        boolean needClientAuth = Boolean.parseBoolean(setting.apply(NEED_CLIENT_AUTH));
        if (!forceHttps && !portUnification) {
            if (needClientAuth) {
                LOG.warn("{}=true has no effect: the admin port serves plain HTTP only (set {} or {})",
                        NEED_CLIENT_AUTH, FORCE_HTTPS, PORT_UNIFICATION);
            }
            return null;
        }
        return new AdminTls(forceHttps, portUnification, needClientAuth, StoreFile.read(KEY_STORE, setting),
                StoreFile.read(TRUST_STORE, setting), StoreFile.read(CLIENT_TRUST_STORE, setting));
    }

    /** Whether plain HTTP is served beside HTTPS. */
    boolean unified() {
        return portUnification && !forceHttps;
    }

    /** The server's TLS context; fails naming the key to fix, so the admin server does not start half-secured. */
    SSLContext serverContext() throws IOException {
        if (!keyStore.configured() || !trustStore.configured()) {
            throw new IOException("HTTPS on the admin port (" + (forceHttps ? FORCE_HTTPS : PORT_UNIFICATION)
                    + ") needs " + KEY_STORE + ".location and " + TRUST_STORE + ".location");
        }
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore.load(), keyStore.secret());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trustManagers(trustStore), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up HTTPS on the admin port: " + e.getMessage(), e);
        }
    }

    /**
     * Which verified client chains the {@code x509} scheme may see: those the client port's trust store trusts too.
     * Without {@code ssl.trustStore.location} none is (Apache's provider then has no trust manager).
     */
    ClientChainCheck clientChainCheck() throws IOException {
        if (!clientTrustStore.configured()) {
            if (needClientAuth) {
                LOG.warn("No admin client certificate will authenticate with the x509 scheme: {}.location is not"
                        + " set (the client certificate is checked against it, as in Apache ZooKeeper)",
                        CLIENT_TRUST_STORE);
            }
            return chain -> false;
        }
        try {
            X509TrustManager trust = (X509TrustManager) trustManagers(clientTrustStore)[0];
            return chain -> trusts(trust, chain);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read " + CLIENT_TRUST_STORE + ": " + e.getMessage(), e);
        }
    }

    private static boolean trusts(X509TrustManager trust, List<X509Certificate> chain) {
        try {
            trust.checkClientTrusted(chain.toArray(X509Certificate[]::new), chain.get(0).getPublicKey()
                    .getAlgorithm());
            return true;
        } catch (CertificateException e) {
            LOG.warn("Admin client certificate {} is not trusted by {}: {}",
                    chain.get(0).getSubjectX500Principal().getName(), CLIENT_TRUST_STORE, e.getMessage());
            return false;
        }
    }

    private static TrustManager[] trustManagers(StoreFile store) throws IOException, GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store.load());
        return factory.getTrustManagers();
    }

    /** Decides whether a client's TLS-verified chain (leaf first, never empty) may authenticate. */
    @FunctionalInterface
    interface ClientChainCheck {
        boolean accepts(List<X509Certificate> chain);
    }
}
