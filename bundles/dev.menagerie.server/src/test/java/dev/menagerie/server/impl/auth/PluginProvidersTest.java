package dev.menagerie.server.impl.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.auth.AuthId;
import dev.menagerie.api.auth.AuthenticationProvider;
import dev.menagerie.api.auth.ConnectionInfo;
import dev.menagerie.protocol.Perms;
import dev.menagerie.protocol.data.ACL;
import dev.menagerie.protocol.data.Id;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PluginProvidersTest {
    private static final ConnectionInfo CONNECTION = ConnectionInfo.plain("192.0.2.1");
    private static final List<ACL> TOKEN_ACL = List.of(new ACL(Perms.ALL, new Id("token", "alice")));

    private final PluginProviders plugins = new PluginProviders();
    private final ProviderRegistry registry = ProviderRegistry.defaults(null).withPlugins(plugins);
    private final AclChecker acls = new AclChecker(registry, false);

    /** Accepts any auth data as the id of that name. */
    private record NameScheme(String scheme) implements AuthenticationProvider {
        @Override
        public List<AuthId> authenticate(byte[] authData, ConnectionInfo connection) {
            return List.of(new AuthId(scheme, new String(authData, StandardCharsets.UTF_8)));
        }

        @Override
        public boolean matches(String id, String aclExpression) {
            return id.equals(aclExpression);
        }

        @Override
        public boolean isAuthenticated() {
            return true;
        }

        @Override
        public boolean isValid(String id) {
            return !id.isEmpty();
        }
    }

    private static Map<String, Object> properties(String scheme) {
        return Map.of(AuthenticationProvider.SCHEME, scheme);
    }

    private List<Id> authenticateAlice() {
        return registry.authenticate("token", "alice".getBytes(StandardCharsets.UTF_8), CONNECTION);
    }

    @Test
    void aSelectedPluginServesItsSchemeUntilItIsWithdrawn() {
        AuthenticationProvider token = new NameScheme("token");
        plugins.select(Set.of("token"));
        assertEquals(List.of(), authenticateAlice(), "selected but not installed: AUTHFAILED");

        plugins.offer(token, properties("token"));
        List<Id> alice = authenticateAlice();
        assertEquals(List.of(new Id("token", "alice")), alice);
        assertTrue(acls.isAllowed(TOKEN_ACL, Perms.READ, alice));
        assertTrue(registry.schemes().contains("token"));

        plugins.withdraw(token);
        assertFalse(acls.isAllowed(TOKEN_ACL, Perms.READ, alice), "an ACL of a missing scheme fails closed");
        assertFalse(registry.schemes().contains("token"));
    }

    @Test
    void anUnselectedPluginIsNotUsed() {
        plugins.offer(new NameScheme("token"), properties("token"));
        assertEquals(List.of(), authenticateAlice());
        plugins.select(Set.of("token"));
        assertEquals(List.of(new Id("token", "alice")), authenticateAlice());
    }

    @Test
    void aClassNameSelectsThePluginThatDeclaresIt() {
        plugins.offer(new NameScheme("token"), Map.of(AuthenticationProvider.SCHEME, "token",
                AuthenticationProvider.CLASS_NAME, "com.example.TokenAuthenticationProvider"));
        plugins.select(Set.of("com.example.TokenAuthenticationProvider"));
        assertEquals(List.of(new Id("token", "alice")), authenticateAlice());
    }

    @Test
    void aReplacementBoundBeforeTheOldOneIsUnboundTakesOver() {
        AuthenticationProvider old = new NameScheme("token");
        AuthenticationProvider replacement = new NameScheme("token");
        plugins.select(Set.of("token"));
        plugins.offer(old, properties("token"));
        plugins.offer(replacement, properties("token"));
        plugins.withdraw(old);
        assertSame(replacement, registry.provider("token").orElseThrow());
    }

    @Test
    void builtInSchemesAndMismatchedPropertiesAreIgnored() {
        plugins.select(Set.of("digest", "token"));
        plugins.offer(new NameScheme("digest"), properties("digest"));
        plugins.offer(new NameScheme("token"), properties("other"));
        assertTrue(registry.provider("digest").orElseThrow() instanceof DigestAuthenticationProvider);
        assertTrue(registry.provider("token").isEmpty());
        assertTrue(registry.provider("other").isEmpty());
    }
}
