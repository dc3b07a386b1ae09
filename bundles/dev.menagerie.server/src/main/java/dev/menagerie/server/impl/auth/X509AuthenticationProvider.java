package dev.menagerie.server.impl.auth;

import dev.menagerie.api.auth.AuthId;
import dev.menagerie.api.auth.AuthenticationProvider;
import dev.menagerie.api.auth.ConnectionInfo;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.X509TrustManager;
import javax.security.auth.x500.X500Principal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code x509} scheme: a TLS client is identified by the RFC 2253 subject of the first certificate of its chain.
 * The transport calls {@link #authenticate} once the handshake is done; a failure closes the connection.
 *
 * <p>The super user is Apache's {@code zookeeper.X509AuthenticationProvider.superUser} (not {@code zookeeper.superUser},
 * which is SASL's): that subject gains {@code super:<subject>}, and its id matches every x509 ACL entry.
 */
public final class X509AuthenticationProvider implements AuthenticationProvider {
    public static final String SCHEME = "x509";
    private static final Logger LOG = LoggerFactory.getLogger(X509AuthenticationProvider.class);

    private final String superUser;
    private final X509TrustManager trustManager;

    /**
     * @param superUser    the super user's subject, or null
     * @param trustManager checks the chain again, as Apache does; null trusts the chain the TLS layer accepted
     */
    public X509AuthenticationProvider(String superUser, X509TrustManager trustManager) {
        this.superUser = superUser;
        this.trustManager = trustManager;
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public List<AuthId> authenticate(byte[] authData, ConnectionInfo connection) {
        List<X509Certificate> chain = connection.certificateChain();
        if (chain.isEmpty()) {
            LOG.warn("No certificate chain available to authenticate");
            return List.of();
        }
        X509Certificate leaf = chain.get(0);
        if (!trusted(chain, leaf)) {
            return List.of();
        }
        String subject = leaf.getSubjectX500Principal().getName();
        List<AuthId> ids = new ArrayList<>(2);
        if (subject.equals(superUser)) {
            ids.add(new AuthId(AuthId.SUPER_SCHEME, subject));
        }
        ids.add(new AuthId(SCHEME, subject));
        return List.copyOf(ids);
    }

    private boolean trusted(List<X509Certificate> chain, X509Certificate leaf) {
        if (trustManager == null) {
            return true;
        }
        try {
            trustManager.checkClientTrusted(chain.toArray(X509Certificate[]::new), leaf.getPublicKey().getAlgorithm());
            return true;
        } catch (CertificateException e) {
            LOG.warn("Client certificate not trusted: {}", e.getMessage());
            return false;
        }
    }

    @Override
    public boolean matches(String id, String aclExpression) {
        return id.equals(aclExpression) || (superUser != null && id.equals(superUser));
    }

    @Override
    public boolean isAuthenticated() {
        return true;
    }

    /** A parseable X.500 distinguished name. */
    @Override
    public boolean isValid(String id) {
        try {
            new X500Principal(id);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
