package dev.menagerie.transport.netty.impl;

import dev.menagerie.api.transport.TransportSettings;
import dev.menagerie.api.transport.TransportSettings.ClientAuth;
import dev.menagerie.api.transport.TransportSettings.Revocation;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.X509CertSelector;
import java.util.EnumSet;
import java.util.Locale;
import javax.net.ssl.CertPathTrustManagerParameters;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/** Builds the JDK TLS context of the client ports from the stores and options named in the settings. */
final class TlsContexts {

    private TlsContexts() {
    }

    /**
     * A server context; fails with a message naming the store or option that could not be used. An engine is made
     * once here so that unknown protocol or cipher suite names fail the start, not every handshake.
     */
    static SSLContext serverContext(TransportSettings.Tls tls) throws IOException {
        if (tls.keyStore() == null) {
            throw new IOException("TLS on a client port needs a key store (ssl.keyStore.location)");
        }
        SSLContext context;
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            char[] keyPassword = tls.keyStorePassword() == null ? new char[0] : tls.keyStorePassword();
            keys.init(load("key store", tls.keyStore(), keyPassword, tls.keyStoreType(), true), keyPassword);
            context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trustManagers(tls), null);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS for the client port: " + e.getMessage(), e);
        }
        try {
            serverEngine(context, tls, null);
        } catch (IllegalArgumentException e) {
            throw new IOException("cannot set up TLS for the client port (ssl.enabledProtocols, ssl.protocol or"
                    + " ssl.ciphersuites): " + e.getMessage(), e);
        }
        return context;
    }

    /** A server-side engine for one connection from {@code client} (null when only checking the options). */
    static SSLEngine serverEngine(SSLContext context, TransportSettings.Tls tls, InetSocketAddress client) {
        SSLEngine engine = client == null ? context.createSSLEngine()
                : context.createSSLEngine(client.getAddress().getHostAddress(), client.getPort());
        engine.setUseClientMode(false);
        ClientAuth clientAuth = tls.clientAuth();
        if (clientAuth == ClientAuth.NEED) {
            engine.setNeedClientAuth(true);
        } else if (clientAuth == ClientAuth.WANT) {
            engine.setWantClientAuth(true);
        }
        if (tls.enabledProtocols() != null) {
            engine.setEnabledProtocols(tls.enabledProtocols().toArray(String[]::new));
        }
        if (tls.cipherSuites() != null) {
            engine.setEnabledCipherSuites(tls.cipherSuites().toArray(String[]::new));
        }
        return engine;
    }

    /** Without a trust store of our own the JDK's default CA certificates decide the handshake. */
    private static TrustManager[] trustManagers(TransportSettings.Tls tls) throws IOException,
            GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        if (tls.trustStore() == null) {
            factory.init((KeyStore) null);
            return factory.getTrustManagers();
        }
        KeyStore trusted = load("trust store", tls.trustStore(), tls.trustStorePassword(), tls.trustStoreType(),
                false);
        PKIXBuilderParameters parameters = new PKIXBuilderParameters(trusted, new X509CertSelector());
        if (tls.checkRevocation() == Revocation.NONE) {
            parameters.setRevocationEnabled(false);
        } else {
            PKIXRevocationChecker checker = (PKIXRevocationChecker) CertPathValidator.getInstance("PKIX")
                    .getRevocationChecker();
            if (tls.checkRevocation() == Revocation.CRL) {
                checker.setOptions(EnumSet.of(PKIXRevocationChecker.Option.PREFER_CRLS,
                        PKIXRevocationChecker.Option.NO_FALLBACK));
            }
            parameters.addCertPathChecker(checker);
        }
        factory.init(new CertPathTrustManagerParameters(parameters));
        TrustManager[] managers = factory.getTrustManagers();
        if (!tls.verifyClientHostname()) {
            return managers;
        }
        for (int i = 0; i < managers.length; i++) {
            if (managers[i] instanceof X509ExtendedTrustManager pkix) {
                managers[i] = new ClientHostnameCheck(pkix, tls.allowReverseDnsLookup());
            }
        }
        return managers;
    }

    private static KeyStore load(String what, Path path, char[] password, String type, boolean withKey)
            throws IOException, GeneralSecurityException {
        String storeType = type == null ? "PKCS12" : type.toUpperCase(Locale.ROOT);
        try {
            if (storeType.equals("PEM")) {
                return withKey ? PemStore.keyStore(path, password) : PemStore.trustStore(path);
            }
            KeyStore store = KeyStore.getInstance(storeType);
            try (InputStream in = Files.newInputStream(path)) {
                store.load(in, password);
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IOException("cannot read the TLS " + what + " " + path + " (" + storeType + "): "
                    + e.getMessage(), e);
        }
    }
}
