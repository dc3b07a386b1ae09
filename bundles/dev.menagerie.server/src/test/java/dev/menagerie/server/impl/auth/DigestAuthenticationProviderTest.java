package dev.menagerie.server.impl.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;


import dev.menagerie.api.auth.AuthId;
import dev.menagerie.api.auth.ConnectionInfo;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DigestAuthenticationProviderTest {
    private final org.apache.zookeeper.server.auth.DigestAuthenticationProvider apache =
            new org.apache.zookeeper.server.auth.DigestAuthenticationProvider();

    @ParameterizedTest
    @ValueSource(strings = {"user:password", "super:secret", "nocolon", "a:b:c", "", ":", "x:", "ünï:pässwörd",
            "user:a much longer password that spans several base64 blocks!!"})
    void digestsAreApaches(String idPassword) throws Exception {
        assertEquals(org.apache.zookeeper.server.auth.DigestAuthenticationProvider.generateDigest(idPassword),
                DigestAuthenticationProvider.generateDigest(idPassword));
    }

    @ParameterizedTest
    @ValueSource(strings = {"user:hash", "user:", ":hash", "user", "a:b:c", "a::", "::", "user:hash:"})
    void validityIsApaches(String id) {
        assertEquals(apache.isValid(id), new DigestAuthenticationProvider(null).isValid(id), id);
    }

    @Test
    void authenticatingGivesTheDigestId() {
        List<AuthId> ids = new DigestAuthenticationProvider(null)
                .authenticate("alice:pw".getBytes(StandardCharsets.UTF_8), ConnectionInfo.plain("127.0.0.1"));
        assertEquals(List.of(new AuthId("digest", DigestAuthenticationProvider.generateDigest("alice:pw"))), ids);
    }

    @Test
    void theSuperPasswordAlsoGivesTheSuperId() {
        String superDigest = DigestAuthenticationProvider.generateDigest("super:letmein");
        DigestAuthenticationProvider provider = new DigestAuthenticationProvider(superDigest);
        assertEquals(List.of(new AuthId("super", ""), new AuthId("digest", superDigest)),
                provider.authenticate("super:letmein".getBytes(StandardCharsets.UTF_8), ConnectionInfo.plain("::1")));
        assertEquals(List.of(new AuthId("digest", DigestAuthenticationProvider.generateDigest("super:guess"))),
                provider.authenticate("super:guess".getBytes(StandardCharsets.UTF_8), ConnectionInfo.plain("::1")));
    }

    @Test
    void whoAmIShowsTheUserPart() {
        assertEquals("alice", new DigestAuthenticationProvider(null).userName("alice:abc="));
    }
}
