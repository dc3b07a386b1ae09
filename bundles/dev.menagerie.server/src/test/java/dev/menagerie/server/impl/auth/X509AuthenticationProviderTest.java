package dev.menagerie.server.impl.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;


import dev.menagerie.api.auth.AuthId;
import dev.menagerie.api.auth.ConnectionInfo;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.X509TrustManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class X509AuthenticationProviderTest {
    private static final String CLIENT = "CN=client,OU=dev,O=Menagerie";

    private static ConnectionInfo tls(String subject) {
        return new ConnectionInfo("127.0.0.1", List.of(new FakeCertificate(subject), new FakeCertificate("CN=ca")));
    }

    @Test
    void theIdIsTheLeafCertificatesSubject() {
        X509AuthenticationProvider provider = new X509AuthenticationProvider(null, null);
        assertEquals(List.of(new AuthId("x509", "CN=client,OU=dev,O=Menagerie")), provider.authenticate(null, tls(CLIENT)));
    }

    @Test
    void plainConnectionsCannotAuthenticate() {
        assertEquals(List.of(), new X509AuthenticationProvider(null, null)
                .authenticate(null, ConnectionInfo.plain("127.0.0.1")));
    }

    @Test
    void theSuperUserSubjectAlsoGetsASuperIdAndMatchesEveryX509Acl() {
        X509AuthenticationProvider provider = new X509AuthenticationProvider("CN=admin", null);
        assertEquals(List.of(new AuthId("super", "CN=admin"), new AuthId("x509", "CN=admin")),
                provider.authenticate(null, tls("CN=admin")));
        assertTrue(provider.matches("CN=admin", "CN=someone else"));
        assertFalse(provider.matches(CLIENT, "CN=someone else"));
    }

    @Test
    void aTrustManagerCanRefuseTheChain() {
        X509TrustManager refusing = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                throw new CertificateException("untrusted " + chain.length + " " + authType);
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        assertEquals(List.of(), new X509AuthenticationProvider(null, refusing).authenticate(null, tls(CLIENT)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CN=a", "CN=a,O=b", "cn=x+uid=y", "not a dn", "", "CN=a,,"})
    void validityAndMatchingAreApaches(String id) throws Exception {
        org.apache.zookeeper.server.auth.X509AuthenticationProvider apache =
                new org.apache.zookeeper.server.auth.X509AuthenticationProvider(null, null);
        X509AuthenticationProvider ours = new X509AuthenticationProvider(null, null);
        assertEquals(apache.isValid(id), ours.isValid(id), id);
        assertEquals(apache.matches(id, "CN=a"), ours.matches(id, "CN=a"), id);
    }
}
