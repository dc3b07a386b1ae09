package dev.menagerie.transport.netty.impl;

import dev.menagerie.api.transport.TransportSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;

/** Builds the JDK TLS context of the secure client port from the key and trust stores named in the settings. */
final class TlsContexts {

    private TlsContexts() {
    }

    /** A server context; fails with a message naming the store that could not be used. */
    static SSLContext serverContext(TransportSettings.Tls tls) throws IOException {
        if (tls.keyStore() == null) {
            throw new IOException("the secure client port needs a key store (ssl.keyStore.location)");
        }
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load("key store", tls.keyStore(), tls.keyStorePassword(), tls.keyStoreType()),
                    tls.keyStorePassword());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            // Without a trust store of our own the JDK's default CA certificates decide.
            trust.init(tls.trustStore() == null ? null
                    : load("trust store", tls.trustStore(), tls.trustStorePassword(), tls.trustStoreType()));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS for the secure client port: " + e.getMessage(), e);
        }
    }

    /**
     * A server-side engine for one connection. Client certificates are required when configured so; otherwise
     * they are asked for when there is a trust store to check them against, so that clients that have one can
     * still be identified by it.
     */
    static SSLEngine serverEngine(SSLContext context, TransportSettings.Tls tls) {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        if (tls.needClientAuth()) {
            engine.setNeedClientAuth(true);
        } else if (tls.trustStore() != null) {
            engine.setWantClientAuth(true);
        }
        return engine;
    }

    private static KeyStore load(String what, Path path, char[] password, String type)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(type == null || type.isBlank() ? KeyStore.getDefaultType() : type);
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, password);
        } catch (IOException e) {
            throw new IOException("cannot read the TLS " + what + " " + path + ": " + e.getMessage(), e);
        }
        return store;
    }
}
