package dev.menagerie.server.impl.auth;

import dev.menagerie.api.auth.AuthId;
import dev.menagerie.api.auth.AuthenticationProvider;
import dev.menagerie.api.auth.ConnectionInfo;
import dev.menagerie.protocol.data.Id;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code sasl} scheme for ACLs. SASL negotiation (opcode 102, {@link SaslLogin}) gives a connection its
 * {@code sasl:} id whether or not this provider is registered; registering it (Apache registers it only when
 * {@code authProvider.N} names it) lets {@code sasl:} ACL entries be validated and matched. Without it, {@code sasl}
 * ACLs are InvalidACL, as in Apache.
 */
public final class SaslAuthenticationProvider implements AuthenticationProvider {
    public static final String SCHEME = "sasl";
    /** Apache's {@code KerberosName} syntax: {@code service[/host]@realm}; names without {@code @} are simple. */
    private static final Pattern KERBEROS_NAME = Pattern.compile("([^/@]*)(/([^/@]*))?@([^/@]*)");

    private final String letAnySaslUserDoX;
    private final Set<String> superUsers;

    /**
     * @param letAnySaslUserDoX Apache's {@code zookeeper.letAnySaslUserDoX}: an ACL id every SASL user matches, or null
     * @param superUsers        {@code zookeeper.superUser} values: authorization ids that become super users
     */
    public SaslAuthenticationProvider(String letAnySaslUserDoX, Set<String> superUsers) {
        this.letAnySaslUserDoX = letAnySaslUserDoX;
        this.superUsers = Set.copyOf(superUsers);
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    /** An auth packet cannot carry SASL; negotiation is a separate opcode. Always fails, as in Apache. */
    @Override
    public List<AuthId> authenticate(byte[] authData, ConnectionInfo connection) {
        return List.of();
    }

    /** The ids a connection gains when SASL negotiation completes for {@code authorizationId}. */
    public List<Id> idsAfterNegotiation(String authorizationId) {
        List<Id> ids = new ArrayList<>(2);
        ids.add(new Id(SCHEME, authorizationId));
        if (authorizationId != null && !authorizationId.isEmpty() && superUsers.contains(authorizationId)) {
            ids.add(SuperUser.ID);
        }
        return List.copyOf(ids);
    }

    @Override
    public boolean matches(String id, String aclExpression) {
        return id.equals("super") || id.equals(aclExpression)
                || (letAnySaslUserDoX != null && aclExpression.equals(letAnySaslUserDoX));
    }

    @Override
    public boolean isAuthenticated() {
        return true;
    }

    @Override
    public boolean isValid(String id) {
        return KERBEROS_NAME.matcher(id).matches() || !id.contains("@");
    }
}
