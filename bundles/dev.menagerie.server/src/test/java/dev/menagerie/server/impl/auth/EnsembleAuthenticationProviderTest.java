package dev.menagerie.server.impl.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.menagerie.server.impl.auth.EnsembleAuthenticationProvider.Outcome;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Apache's EnsembleAuthenticationProvider decisions, which the client port turns into its counters and its close. */
class EnsembleAuthenticationProviderTest {

    private static byte[] name(String name) {
        return name.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aListedNamePassesAndAnotherIsRefused() {
        EnsembleAuthenticationProvider provider = new EnsembleAuthenticationProvider("alpha , beta");
        assertEquals(Outcome.ACCEPTED, provider.check(name("alpha"), "127.0.0.1", 0));
        assertEquals(Outcome.ACCEPTED, provider.check(name("beta"), "127.0.0.1", 0));
        assertEquals(Outcome.REFUSED, provider.check(name("gamma"), "127.0.0.1", 0));
        assertEquals(Outcome.REFUSED, provider.check(name(" alpha"), "127.0.0.1", 0), "names sent are not trimmed");
    }

    @Test
    void noDataOrNoConfiguredNamesIsSkipped() {
        assertEquals(Outcome.SKIPPED, new EnsembleAuthenticationProvider("alpha").check(new byte[0], "10.0.0.1", 0));
        assertEquals(Outcome.SKIPPED, new EnsembleAuthenticationProvider("alpha").check(null, "10.0.0.1", 0));
        assertEquals(Outcome.SKIPPED, new EnsembleAuthenticationProvider(null).check(name("any"), "10.0.0.1", 0));
    }

    @Test
    void itIsNoAclScheme() {
        EnsembleAuthenticationProvider provider = new EnsembleAuthenticationProvider("alpha");
        assertFalse(provider.isValid("alpha"));
        assertFalse(provider.matches("alpha", "alpha"));
        assertFalse(provider.isAuthenticated());
    }

    @Test
    void onlyAnAuthProviderRegistersIt() {
        assertEquals(java.util.Optional.of("ensemble"),
                ClientAuthPolicy.builtInScheme("org.apache.zookeeper.server.auth.EnsembleAuthenticationProvider"));
        assertEquals(java.util.Optional.empty(), ProviderRegistry.defaults(null).ensemble());
    }
}
