package dev.menagerie.server.impl.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.auth.ConnectionInfo;
import dev.menagerie.protocol.data.Id;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SaslAuthenticationProviderTest {
    private final SaslAuthenticationProvider ours = new SaslAuthenticationProvider(null, Set.of("admin@REALM"));

    @ParameterizedTest
    @ValueSource(strings = {"bob", "bob@EXAMPLE.COM", "zk/host.example.com@EXAMPLE.COM", "a@b@c", "a/b/c@R", "",
        "a/b", "@R"})
    void validityAndMatchingAreApaches(String id) {
        org.apache.zookeeper.server.auth.SASLAuthenticationProvider apache =
                new org.apache.zookeeper.server.auth.SASLAuthenticationProvider();
        assertEquals(apache.isValid(id), ours.isValid(id), id);
        assertEquals(apache.matches(id, "bob"), ours.matches(id, "bob"), id);
    }

    @Test
    void authPacketsCannotCarrySasl() {
        assertEquals(List.of(), ours.authenticate(new byte[0], ConnectionInfo.plain("127.0.0.1")));
    }

    @Test
    void configuredSuperUsersGetTheSuperIdAfterNegotiation() {
        assertEquals(List.of(new Id("sasl", "admin@REALM"), SuperUser.ID), ours.idsAfterNegotiation("admin@REALM"));
        assertEquals(List.of(new Id("sasl", "bob")), ours.idsAfterNegotiation("bob"));
        assertTrue(ours.matches("super", "anyone at all"));
    }
}
