package dev.menagerie.server.impl.auth;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The client-authentication settings, read once when the server starts, each under Apache's name (zoo.cfg key, or
 * the {@code -Dzookeeper.<key>} system property).
 *
 * @param authProviders          {@code authProvider.<n>} keys (or {@code zookeeper.authProvider.<n>} properties) and
 *                               the class each names
 * @param saslSuperUsers         {@code superUser} and {@code superUser.<anything>}: SASL ids that become super users
 * @param letAnySaslUserDoX      {@code letAnySaslUserDoX}: a {@code sasl} ACL id every SASL user matches, or null
 * @param enforceAuth            {@code enforce.auth.enabled}, or the legacy {@code sessionRequireClientSASLAuth}
 * @param enforceAuthSchemes     {@code enforce.auth.schemes} (just {@code sasl} under the legacy key)
 * @param allowSaslFailedClients {@code allowSaslFailedClients}: a failed SASL negotiation keeps the connection
 * @param jaasSection            {@code sasl.serverconfig}: the JAAS section with the server's credentials
 * @param jaasSectionNamed       true if {@code sasl.serverconfig} was set rather than defaulted
 * @param superPassword          {@code SASLAuthenticationProvider.superPassword}: the SASL password of user
 *                               {@code super}, replacing the JAAS one; or null
 * @param authToLocal            {@code security.auth_to_local}: the principal shortening rules
 * @param removeHost             {@code kerberos.removeHostFromPrincipal}
 * @param removeRealm            {@code kerberos.removeRealmFromPrincipal}
 * @param kerberos               the settings of the server's own Kerberos login
 * @param ensembleAuthName       {@code ensembleAuthName}: this ensemble's names, comma-separated, for the
 *                               {@code ensemble} scheme; or null
 */
public record AuthSettings(Map<String, String> authProviders, Set<String> saslSuperUsers, String letAnySaslUserDoX,
        boolean enforceAuth, List<String> enforceAuthSchemes, boolean allowSaslFailedClients, String jaasSection,
        boolean jaasSectionNamed, String superPassword, String authToLocal, boolean removeHost, boolean removeRealm,
        KerberosSettings kerberos, String ensembleAuthName) {

    public static final String DEFAULT_JAAS_SECTION = "Server";

    public AuthSettings {
        authProviders = Map.copyOf(authProviders);
        saslSuperUsers = Set.copyOf(saslSuperUsers);
        enforceAuthSchemes = List.copyOf(enforceAuthSchemes);
    }
}
