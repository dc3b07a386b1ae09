package dev.menagerie.auth.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.auth.AuthId;
import dev.menagerie.api.auth.AuthenticationProvider;
import dev.menagerie.api.auth.ConnectionInfo;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every {@link AuthenticationProvider} must do, whatever its scheme. A provider bundle runs it with a subclass
 * that names its provider and one auth packet it accepts (and adds tests of its own scheme):
 *
 * <pre>
 * class MyProviderTest extends AuthenticationProviderContract {
 *     protected AuthenticationProvider provider() { return new MyProvider(...); }
 *     protected Optional&lt;Credentials&gt; acceptedCredentials() { return Optional.of(Credentials.plain("alice:pw")); }
 * }
 * </pre>
 *
 * Random auth data comes from a fresh seed per run unless {@value #SEED_PROPERTY} is set; a failure names the seed.
 */
public abstract class AuthenticationProviderContract {

    public static final String SEED_PROPERTY = "menagerie.auth.seed";
    private static final int RANDOM_PACKETS = 200;

    /** An auth packet's data and the connection it came on. */
    public record Credentials(byte[] authData, ConnectionInfo connection) {
        /** {@code text} in UTF-8, from a plain connection from 127.0.0.1. */
        public static Credentials plain(String text) {
            return new Credentials(text.getBytes(StandardCharsets.UTF_8), ConnectionInfo.plain("127.0.0.1"));
        }
    }

    /** The provider under test. */
    protected abstract AuthenticationProvider provider();

    /** An auth packet the provider accepts; empty for a scheme that no auth packet opens (sasl negotiates apart). */
    protected abstract Optional<Credentials> acceptedCredentials();

    /** ACL ids of this scheme that must be InvalidACL; empty when every text is a valid id. */
    protected List<String> invalidAclIds() {
        return List.of();
    }

    /** Texts that are no sensible ACL id for most schemes: the provider must answer them, not throw. */
    static Stream<String> oddTexts() {
        return Stream.of("", ":", "::", "/", "a/b/c", "999.1.1.1/99", "10.0.0.1/-1", "\n", "CN=", "=,", "@", "a@b@c",
                "\u0000", "x".repeat(10_000));
    }

    @Test
    void theSchemeIsANameAnIdCanCarry() {
        String scheme = provider().scheme();
        assertNotNull(scheme);
        assertTrue(scheme.matches("[A-Za-z0-9][A-Za-z0-9_-]*"), "scheme " + scheme);
        assertFalse(scheme.equals(AuthId.SUPER_SCHEME), "super is no provider's scheme");
    }

    @Test
    void acceptedCredentialsGiveValidIdsOfTheSchemeThatMatchThemselves() {
        Optional<Credentials> credentials = acceptedCredentials();
        if (credentials.isEmpty()) {
            return;
        }
        AuthenticationProvider provider = provider();
        List<AuthId> ids = provider.authenticate(credentials.get().authData(), credentials.get().connection());
        List<AuthId> own = ids.stream().filter(id -> id.scheme().equals(provider.scheme())).toList();
        assertFalse(own.isEmpty(), "accepted credentials give an id of the scheme: " + ids);
        for (AuthId id : own) {
            assertTrue(provider.isValid(id.id()), "an issued id is a valid ACL id: " + id);
            assertTrue(provider.matches(id.id(), id.id()), "an issued id matches an ACL entry of itself: " + id);
            assertNotNull(provider.userName(id.id()), "whoAmI has a user name for " + id);
        }
        assertEquals(ids, provider.authenticate(credentials.get().authData(), credentials.get().connection()),
                "the same packet on the same connection gives the same ids");
    }

    @Test
    void randomAuthDataNeverThrowsAndGivesOnlyIdsOfTheSchemeOrSuper() {
        long seed = Long.getLong(SEED_PROPERTY, new Random().nextLong());
        Random random = new Random(seed);
        AuthenticationProvider provider = provider();
        List<byte[]> packets = new ArrayList<>(List.of(new byte[0], ":".getBytes(StandardCharsets.UTF_8)));
        for (int i = 0; i < RANDOM_PACKETS; i++) {
            byte[] data = new byte[random.nextInt(64)];
            random.nextBytes(data);
            packets.add(data);
        }
        for (byte[] data : packets) {
            for (ConnectionInfo connection : List.of(ConnectionInfo.plain("127.0.0.1"), ConnectionInfo.plain("::1"))) {
                List<AuthId> ids = provider.authenticate(data, connection);
                assertNotNull(ids, "seed " + seed + ": null instead of an empty list");
                for (AuthId id : ids) {
                    assertTrue(id.scheme().equals(provider.scheme()) || id.scheme().equals(AuthId.SUPER_SCHEME),
                            "seed " + seed + ": an id of another scheme: " + id);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("oddTexts")
    void oddAclIdsAreAnsweredNotThrown(String text) {
        AuthenticationProvider provider = provider();
        provider.isValid(text);
        provider.matches(text, text);
        acceptedCredentials().ifPresent(credentials -> provider.authenticate(credentials.authData(),
                credentials.connection()).forEach(id -> provider.matches(id.id(), text)));
    }

    @Test
    void invalidAclIdsAreRefused() {
        for (String id : invalidAclIds()) {
            assertFalse(provider().isValid(id), id);
        }
    }
}
