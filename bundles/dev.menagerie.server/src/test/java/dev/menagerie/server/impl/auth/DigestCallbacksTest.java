package dev.menagerie.server.impl.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.sasl.AuthorizeCallback;
import javax.security.sasl.RealmCallback;

import org.apache.zookeeper.server.auth.KerberosName;
import org.apache.zookeeper.server.auth.SaslServerCallbackHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The answers given to the JDK's DIGEST-MD5 server, compared with Apache's SaslServerCallbackHandler. */
class DigestCallbacksTest {
    /** A HashMap, as Apache's: it asks it about a null user name. */
    private static final Map<String, String> USERS = new HashMap<>(Map.of("alice", "alice-secret", "super",
            "jaas-super"));
    private static final String[] APACHE_PROPERTIES = {"zookeeper.security.auth_to_local",
        "zookeeper.kerberos.removeHostFromPrincipal", "zookeeper.kerberos.removeRealmFromPrincipal",
        "zookeeper.SASLAuthenticationProvider.superPassword"};

    @AfterEach
    void restoreApacheDefaults() throws Exception {
        for (String property : APACHE_PROPERTIES) {
            System.clearProperty(property);
        }
        KerberosName.setConfiguration();
    }

    @ParameterizedTest
    @CsvSource({
        "alice, alice-secret, ''", "nobody, , ''", "super, jaas-super, ''", "super, from-property, from-property"})
    void passwordsAreTheJaasUsersOrTheSuperPassword(String user, String expected, String superPassword) {
        if (!superPassword.isEmpty()) {
            System.setProperty("zookeeper.SASLAuthenticationProvider.superPassword", superPassword);
        }
        char[] ours = password(ours(superPassword.isEmpty() ? null : superPassword, null, false, false), user);
        char[] apache = password(new SaslServerCallbackHandler(USERS), user);
        assertArrayEquals(apache, ours);
        assertArrayEquals(expected == null ? null : expected.toCharArray(), ours);
    }

    @ParameterizedTest
    @CsvSource({
        "alice, DEFAULT, false, false", "zk/host.example.com@, DEFAULT, false, false",
        "zk/host.example.com@, DEFAULT, true, false", "zk/host.example.com@, DEFAULT, true, true",
        "alice@EXAMPLE.COM, 'RULE:[1:$1@$0](.*@EXAMPLE\\.COM)s/@.*//', false, false",
        "alice@EXAMPLE.COM, 'RULE:[1:$1@$0](.*@EXAMPLE\\.COM)s/@.*//', false, true",
        "zk/h@EXAMPLE.COM, 'RULE:[2:$1]', true, true",
        "zk/h@EXAMPLE.COM, 'RULE:[2:$1/$2] DEFAULT', true, true"})
    void theAuthorizedIdIsApaches(String authenticationId, String rules, boolean removeHost, boolean removeRealm)
            throws Exception {
        System.setProperty("zookeeper.security.auth_to_local", rules);
        System.setProperty("zookeeper.kerberos.removeHostFromPrincipal", Boolean.toString(removeHost));
        System.setProperty("zookeeper.kerberos.removeRealmFromPrincipal", Boolean.toString(removeRealm));
        KerberosName.setConfiguration();
        AuthorizeCallback apache = new AuthorizeCallback(authenticationId, authenticationId);
        new SaslServerCallbackHandler(USERS).handle(new Callback[] {apache});
        AuthorizeCallback ours = new AuthorizeCallback(authenticationId, authenticationId);
        ours(null, rules, removeHost, removeRealm).handle(new Callback[] {ours});
        assertEquals(apache.isAuthorized(), ours.isAuthorized(), authenticationId);
        assertEquals(apache.getAuthorizedID(), ours.getAuthorizedID(), authenticationId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice@EXAMPLE.COM", "zk/host@EXAMPLE.COM"})
    void anUnmappedPrincipalMayNotClaimAnotherAuthorizationId(String authenticationId) {
        // Apache would authorize the client as "admin" here; we refuse (see DigestCallbacks).
        AuthorizeCallback claim = new AuthorizeCallback(authenticationId, "admin");
        ours(null, "DEFAULT", false, false).handle(new Callback[] {claim});
        assertFalse(claim.isAuthorized());
        assertNull(claim.getAuthorizedID());
        AuthorizeCallback own = new AuthorizeCallback(authenticationId, authenticationId);
        ours(null, "DEFAULT", false, false).handle(new Callback[] {own});
        assertEquals(authenticationId, own.getAuthorizedID());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@b@c", "a/b/c@R", "alice"})
    void namesThatAreNotPrincipalsFollowApache(String name) {
        PrincipalNames names = new PrincipalNames("DEFAULT", "", false, false);
        boolean apacheAccepts;
        try {
            new KerberosName(name);
            apacheAccepts = true;
        } catch (IllegalArgumentException e) {
            apacheAccepts = false;
        }
        Optional<String> ours;
        try {
            ours = names.authorizedId(name);
        } catch (IllegalArgumentException e) {
            ours = null;
        }
        assertEquals(apacheAccepts, ours != null, name);
    }

    private static DigestCallbacks ours(String superPassword, String rules, boolean removeHost,
            boolean removeRealm) {
        return new DigestCallbacks(USERS, superPassword, new PrincipalNames(rules, "", removeHost, removeRealm));
    }

    /** What the JDK's DIGEST-MD5 server asks in one call: realm, name, password. */
    private static char[] password(CallbackHandler handler, String user) {
        PasswordCallback password = new PasswordCallback("password", false);
        try {
            handler.handle(new Callback[] {new RealmCallback("realm", "zk-sasl-md5"), new NameCallback("name", user),
                password});
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return password.getPassword();
    }
}
