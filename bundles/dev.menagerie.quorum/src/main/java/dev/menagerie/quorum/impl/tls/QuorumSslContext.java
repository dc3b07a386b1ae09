package dev.menagerie.quorum.impl.tls;

import dev.menagerie.quorum.impl.tls.QuorumTlsSettings.Store;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Security;
import java.security.cert.CertPathValidator;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.X509CertSelector;
import java.util.EnumSet;
import java.util.Set;
import javax.net.ssl.CertPathTrustManagerParameters;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the JDK TLS context of the quorum from {@link QuorumTlsSettings}. Peers are trusted by the PKIX chain to
 * the trust store alone, without a host name check: Apache 3.9 in its default FIPS mode uses the JDK's trust
 * manager as is and sets no endpoint identification on quorum sockets.
 */
final class QuorumSslContext {

    private QuorumSslContext() {
    }

    static SSLContext build(QuorumTlsSettings settings) throws IOException {
        if (settings.keyStore() == null) {
            throw new IOException("quorum TLS needs " + QuorumTlsSettings.PREFIX + "keyStore.location: every"
                    + " server presents a certificate to its peers");
        }
        try {
            SSLContext context = SSLContext.getInstance(settings.protocol());
            context.init(keyManagers(settings.keyStore()), trustManagers(settings), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up quorum TLS: " + e.getMessage(), e);
        }
    }

    private static KeyManager[] keyManagers(Store store) throws IOException, GeneralSecurityException {
        KeyManagerFactory factory = KeyManagerFactory.getInstance("PKIX");
        factory.init(load(store, true), store.password());
        return factory.getKeyManagers();
    }

    private static TrustManager[] trustManagers(QuorumTlsSettings settings)
            throws IOException, GeneralSecurityException {
        if (settings.trustStore() == null) {
            return null; // as Apache: the JDK's default CA certificates decide
        }
        PKIXBuilderParameters parameters = new PKIXBuilderParameters(load(settings.trustStore(), false),
                new X509CertSelector());
        if (settings.crl() || settings.ocsp()) {
            parameters.addCertPathChecker(revocationChecker(settings.ocsp()));
        } else {
            parameters.setRevocationEnabled(false);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(new CertPathTrustManagerParameters(parameters));
        return factory.getTrustManagers();
    }

    /** CRLs only unless OCSP is on (then OCSP first, CRLs as fallback); end entities only if the JVM says so. */
    private static PKIXRevocationChecker revocationChecker(boolean ocsp) throws GeneralSecurityException {
        PKIXRevocationChecker checker = (PKIXRevocationChecker) CertPathValidator.getInstance("PKIX")
                .getRevocationChecker();
        Set<PKIXRevocationChecker.Option> options = EnumSet.noneOf(PKIXRevocationChecker.Option.class);
        if (!ocsp) {
            options.add(PKIXRevocationChecker.Option.PREFER_CRLS);
            options.add(PKIXRevocationChecker.Option.NO_FALLBACK);
        }
        if (Boolean.parseBoolean(Security.getProperty("com.sun.security.onlyCheckRevocationOfEECert"))) {
            options.add(PKIXRevocationChecker.Option.ONLY_END_ENTITY);
        }
        checker.setOptions(options);
        return checker;
    }

    private static KeyStore load(Store store, boolean withKey) throws IOException, GeneralSecurityException {
        String what = withKey ? "key store " : "trust store ";
        try {
            if (store.type() == StoreType.PEM) {
                String text = Files.readString(store.location(), StandardCharsets.US_ASCII);
                return withKey ? PemFiles.keyStore(text, store.password()) : PemFiles.trustStore(text);
            }
            KeyStore keyStore = KeyStore.getInstance(store.type().name());
            try (InputStream in = Files.newInputStream(store.location())) {
                keyStore.load(in, store.password());
            }
            return keyStore;
        } catch (IOException | GeneralSecurityException e) {
            throw new IOException("cannot read the quorum TLS " + what + store.location() + ": " + e.getMessage(),
                    e);
        }
    }
}
