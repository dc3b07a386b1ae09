package dev.menagerie.server.impl.auth;

import dev.menagerie.protocol.data.ClientInfo;
import dev.menagerie.protocol.data.Id;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authentication providers of one server, by scheme. Immutable; build a new one to change providers.
 * Apache's default set is {@code ip} and {@code digest}; {@code x509} and {@code sasl} exist only when configured.
 */
public final class ProviderRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderRegistry.class);

    private final Map<String, AuthenticationProvider> providersByScheme;

    private ProviderRegistry(Map<String, AuthenticationProvider> providersByScheme) {
        this.providersByScheme = providersByScheme;
    }

    /** world, ip and digest (with an optional super digest), as an unconfigured Apache server has. */
    public static ProviderRegistry defaults(String superDigest) {
        return standard(Optional.of(new DigestAuthenticationProvider(superDigest)));
    }

    /**
     * world, ip and, if present, {@code digest}: Apache leaves digest out when
     * {@code DigestAuthenticationProvider.enabled} is false (its ACLs are then invalid, its auth fails).
     */
    public static ProviderRegistry standard(Optional<DigestAuthenticationProvider> digest) {
        List<AuthenticationProvider> providers = new ArrayList<>(List.of(new WorldAuthenticationProvider(),
                new IpAuthenticationProvider()));
        digest.ifPresent(providers::add);
        return of(providers);
    }

    /** Exactly these providers; a later provider replaces an earlier one of the same scheme. */
    public static ProviderRegistry of(Collection<? extends AuthenticationProvider> providers) {
        Map<String, AuthenticationProvider> byScheme = new LinkedHashMap<>();
        providers.forEach(provider -> byScheme.put(provider.scheme(), provider));
        return new ProviderRegistry(Map.copyOf(byScheme));
    }

    /** This registry plus {@code provider}, replacing any provider of its scheme. */
    public ProviderRegistry with(AuthenticationProvider provider) {
        List<AuthenticationProvider> providers = new ArrayList<>(providersByScheme.values());
        providers.add(provider);
        return of(providers);
    }

    /** The provider of {@code scheme}, if registered. */
    public Optional<AuthenticationProvider> provider(String scheme) {
        return Optional.ofNullable(providersByScheme.get(scheme));
    }

    /** The registered schemes. */
    public Set<String> schemes() {
        return providersByScheme.keySet();
    }

    /**
     * Handles an auth packet (opcode 100). An unknown scheme, a refusal or a provider that throws all mean
     * AUTHFAILED, after which Apache closes the connection.
     *
     * @return the ids to add to the connection; empty means AUTHFAILED
     */
    public List<Id> authenticate(String scheme, byte[] authData, ConnectionInfo connection) {
        AuthenticationProvider provider = providersByScheme.get(scheme);
        if (provider == null) {
            LOG.warn("No authentication provider for scheme: {} has {}", scheme, providersByScheme.keySet());
            return List.of();
        }
        try {
            return provider.authenticate(authData == null ? new byte[0] : authData, connection);
        } catch (RuntimeException e) {
            LOG.warn("Authentication provider for scheme {} failed: {}", scheme, e.toString());
            return List.of();
        }
    }

    /** The whoAmI answer (opcode 107) for a connection's ids: {@link #clientInfos} in Apache's order of them. */
    public List<ClientInfo> whoAmI(Collection<Id> authInfo) {
        return clientInfos(ApacheIdOrder.of(authInfo));
    }

    /** Each id's scheme and user name, in the given order; unknown schemes get an empty user. */
    public List<ClientInfo> clientInfos(Collection<Id> authInfo) {
        List<ClientInfo> infos = new ArrayList<>(authInfo.size());
        for (Id id : authInfo) {
            String user = userName(id);
            infos.add(new ClientInfo(id.scheme(), user == null ? "" : user));
        }
        return infos;
    }

    /**
     * The audit log's user field: the user names of the ids in Apache's order, comma-joined, leaving out ids whose
     * scheme has no provider or whose name is blank; null when none is left (the field is then omitted).
     */
    public String auditUsers(Collection<Id> authInfo) {
        StringJoiner users = new StringJoiner(",");
        for (Id id : ApacheIdOrder.of(authInfo)) {
            String user = userName(id);
            if (user != null && !user.isBlank()) {
                users.add(user);
            }
        }
        return users.length() == 0 ? null : users.toString();
    }

    private String userName(Id id) {
        AuthenticationProvider provider = providersByScheme.get(id.scheme());
        return provider == null ? null : provider.userName(id.id());
    }
}
