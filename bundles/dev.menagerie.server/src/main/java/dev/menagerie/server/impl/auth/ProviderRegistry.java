package dev.menagerie.server.impl.auth;

import dev.menagerie.api.auth.AuthId;
import dev.menagerie.api.auth.AuthenticationProvider;
import dev.menagerie.api.auth.ConnectionInfo;
import dev.menagerie.protocol.data.ClientInfo;
import dev.menagerie.protocol.data.Id;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authentication providers of one server, by scheme: the built-in ones, fixed when the server starts (Apache's
 * defaults {@code ip} and {@code digest}; {@code x509} and {@code sasl} only when configured), and the plugins that
 * zoo.cfg selects, which come and go while it runs ({@link PluginProviders}). A built-in scheme always wins.
 */
public final class ProviderRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderRegistry.class);

    private final Map<String, AuthenticationProvider> builtIns;
    private final PluginProviders plugins;

    private ProviderRegistry(Map<String, AuthenticationProvider> builtIns, PluginProviders plugins) {
        this.builtIns = builtIns;
        this.plugins = plugins;
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

    /** Exactly these providers and no plugins; a later provider replaces an earlier one of the same scheme. */
    public static ProviderRegistry of(Collection<? extends AuthenticationProvider> providers) {
        return new ProviderRegistry(byScheme(providers), new PluginProviders());
    }

    private static Map<String, AuthenticationProvider> byScheme(Collection<? extends AuthenticationProvider> providers) {
        Map<String, AuthenticationProvider> byScheme = new LinkedHashMap<>();
        providers.forEach(provider -> byScheme.put(provider.scheme(), provider));
        return Map.copyOf(byScheme);
    }

    /** This registry plus the built-in {@code provider}, replacing any provider of its scheme. */
    public ProviderRegistry with(AuthenticationProvider provider) {
        List<AuthenticationProvider> providers = new ArrayList<>(builtIns.values());
        providers.add(provider);
        return new ProviderRegistry(byScheme(providers), plugins);
    }

    /** These built-in providers, and the plugins of {@code pluginProviders} that zoo.cfg selects. */
    public ProviderRegistry withPlugins(PluginProviders pluginProviders) {
        return new ProviderRegistry(builtIns, pluginProviders);
    }

    /** The built-in providers, which the server also publishes as services. */
    public Collection<AuthenticationProvider> builtIns() {
        return builtIns.values();
    }

    /** The plugin side of this registry. */
    public PluginProviders plugins() {
        return plugins;
    }

    /** The provider of {@code scheme}, if registered. */
    public Optional<AuthenticationProvider> provider(String scheme) {
        AuthenticationProvider builtIn = builtIns.get(scheme);
        return Optional.ofNullable(builtIn != null ? builtIn : plugins.provider(scheme));
    }

    /** The built-in {@code ensemble} provider, when {@code authProvider.N} registered it. */
    public Optional<EnsembleAuthenticationProvider> ensemble() {
        return builtIns.get(EnsembleAuthenticationProvider.SCHEME) instanceof EnsembleAuthenticationProvider ensemble
                ? Optional.of(ensemble) : Optional.empty();
    }

    /** The schemes that have a provider now. */
    public Set<String> schemes() {
        Set<String> schemes = new TreeSet<>(builtIns.keySet());
        schemes.addAll(plugins.activeSchemes());
        return schemes;
    }

    /**
     * Handles an auth packet (opcode 100). An unknown scheme, a refusal or a provider that throws all mean
     * AUTHFAILED, after which Apache closes the connection.
     *
     * @return the ids to add to the connection; empty means AUTHFAILED
     */
    public List<Id> authenticate(String scheme, byte[] authData, ConnectionInfo connection) {
        Optional<AuthenticationProvider> provider = provider(scheme);
        if (provider.isEmpty()) {
            LOG.warn("No authentication provider for scheme: {} has {}", scheme, schemes());
            return List.of();
        }
        try {
            return toIds(provider.get().authenticate(authData == null ? new byte[0] : authData, connection));
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
        return provider(id.scheme()).map(provider -> provider.userName(id.id())).orElse(null);
    }

    /** A provider's answer as the ids a connection holds; a null list or id is the provider's bug, and a refusal. */
    private static List<Id> toIds(List<AuthId> authIds) {
        if (authIds == null || authIds.stream().anyMatch(Objects::isNull)) {
            return List.of();
        }
        return authIds.stream().map(authId -> new Id(authId.scheme(), authId.id())).toList();
    }
}
