package dev.menagerie.example.auth.token.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.auth.AuthId;
import dev.menagerie.api.auth.AuthenticationProvider;
import dev.menagerie.auth.contract.AuthenticationProviderContract;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The contract suite (issued ids are valid and match themselves, random packets never throw, ...) runs through the
 * superclass; the tests below are this scheme's own.
 */
class TokenAuthenticationProviderTest extends AuthenticationProviderContract {

    private final TokenAuthenticationProvider provider = new TokenAuthenticationProvider("ci:s3cret, deploy-bot:xyz");

    @Override
    protected AuthenticationProvider provider() {
        return provider;
    }

    @Override
    protected Optional<Credentials> acceptedCredentials() {
        return Optional.of(Credentials.plain("ci:s3cret"));
    }

    @Override
    protected List<String> invalidAclIds() {
        return List.of("", "ci:s3cret", "two words");
    }

    @Test
    void theRightSecretGivesTheTokensName() {
        assertEquals(List.of(new AuthId("token", "deploy-bot")),
                provider.authenticate(Credentials.plain("deploy-bot:xyz").authData(), null));
    }

    @Test
    void aWrongSecretOrAnUnknownNameFails() {
        for (String packet : List.of("ci:wrong", "ci:", "nobody:s3cret", "ci", "")) {
            assertTrue(provider.authenticate(Credentials.plain(packet).authData(), null).isEmpty(), packet);
        }
    }

    @Test
    void aMalformedSettingIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TokenAuthenticationProvider("ci"));
        assertThrows(IllegalArgumentException.class, () -> new TokenAuthenticationProvider("c i:x"));
    }
}
