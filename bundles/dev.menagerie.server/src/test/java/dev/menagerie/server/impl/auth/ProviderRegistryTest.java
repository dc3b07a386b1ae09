package dev.menagerie.server.impl.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.menagerie.api.auth.AuthId;
import dev.menagerie.api.auth.AuthenticationProvider;
import dev.menagerie.api.auth.ConnectionInfo;
import dev.menagerie.protocol.data.ClientInfo;
import dev.menagerie.protocol.data.Id;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.apache.zookeeper.server.util.AuthUtil;
import org.junit.jupiter.api.Test;

class ProviderRegistryTest {
    private final ProviderRegistry registry = ProviderRegistry.defaults(null);
    private final ConnectionInfo connection = ConnectionInfo.plain("192.0.2.1");

    @Test
    void unconfiguredSchemesFailAuthentication() {
        for (String scheme : new String[] {"world", "sasl", "x509", "auth", "super", "nosuch"}) {
            assertEquals(List.of(), registry.authenticate(scheme, new byte[0], connection), scheme);
        }
    }

    @Test
    void theDefaultsAreWorldIpAndDigest() {
        assertEquals(Set.of("world", "ip", "digest"), registry.schemes());
        assertEquals(List.of(new Id("ip", "192.0.2.1")), registry.authenticate("ip", null, connection));
    }

    @Test
    void aThrowingProviderMeansAuthFailed() {
        AuthenticationProvider broken = new AuthenticationProvider() {
            @Override
            public String scheme() {
                return "broken";
            }

            @Override
            public List<AuthId> authenticate(byte[] authData, ConnectionInfo info) {
                throw new IllegalStateException("boom");
            }

            @Override
            public boolean matches(String id, String aclExpression) {
                return false;
            }

            @Override
            public boolean isAuthenticated() {
                return false;
            }

            @Override
            public boolean isValid(String id) {
                return false;
            }
        };
        assertEquals(List.of(), registry.with(broken).authenticate("broken", new byte[0], connection));
    }

    @Test
    void newConnectionsStartWithTheirIpId() {
        AuthInfo authInfo = AuthInfo.forConnection(connection);
        authInfo.add(registry.authenticate("digest", "alice:pw".getBytes(StandardCharsets.UTF_8), connection));
        authInfo.add(List.of(new Id("ip", "192.0.2.1")));
        assertEquals(List.of(new Id("ip", "192.0.2.1"),
                new Id("digest", DigestAuthenticationProvider.generateDigest("alice:pw"))), authInfo.ids());
    }

    @Test
    void whoAmIIsApaches() {
        List<Id> ids = List.of(new Id("ip", "192.0.2.1"), new Id("digest", "alice:abc="), new Id("super", ""),
                new Id("sasl", "bob"));
        List<ClientInfo> expected = AuthUtil.getClientInfos(ApacheTypes.apacheIds(ids)).stream()
                .map(info -> new ClientInfo(info.getAuthScheme(), info.getUser())).toList();
        assertEquals(expected, registry.clientInfos(ids));
    }
}
