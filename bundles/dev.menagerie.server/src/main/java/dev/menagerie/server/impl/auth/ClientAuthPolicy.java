package dev.menagerie.server.impl.auth;

import dev.menagerie.protocol.ErrorCode;
import dev.menagerie.protocol.data.Id;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How this server authenticates clients, fixed when it starts: the ACL schemes it knows (Apache's defaults, the
 * built-in ones {@code authProvider.<n>} names, and the plugins it selects, which come and go), the SASL login if any, and what {@code enforce.auth.*} demands of a connection
 * before it may do anything but authenticate.
 */
public final class ClientAuthPolicy implements AutoCloseable {
    /** Apache's provider classes that name a scheme we implement, and the scheme each one registers. */
    static final Map<String, String> KNOWN_PROVIDERS = Map.of(
            "org.apache.zookeeper.server.auth.IPAuthenticationProvider", IpAuthenticationProvider.SCHEME,
            "org.apache.zookeeper.server.auth.DigestAuthenticationProvider", DigestAuthenticationProvider.SCHEME,
            "org.apache.zookeeper.server.auth.SASLAuthenticationProvider", SaslAuthenticationProvider.SCHEME,
            "org.apache.zookeeper.server.auth.X509AuthenticationProvider", X509AuthenticationProvider.SCHEME,
            "org.apache.zookeeper.server.auth.EnsembleAuthenticationProvider", EnsembleAuthenticationProvider.SCHEME);

    private final ProviderRegistry providers;
    private final SaslAuthenticationProvider saslIds;
    private final Optional<SaslLogin> sasl;
    private final AuthSettings settings;

    private ClientAuthPolicy(ProviderRegistry providers, SaslAuthenticationProvider saslIds,
            Optional<SaslLogin> sasl, AuthSettings settings) {
        this.providers = providers;
        this.saslIds = saslIds;
        this.sasl = sasl;
        this.settings = settings;
    }

    /**
     * @param base the registry before {@code authProvider.<n>} adds to it (the defaults, x509 when configured, and
     *             the plugins)
     * @throws IllegalArgumentException with one line when the server must not start: an {@code authProvider.<n>}
     *                                  naming a reserved scheme, enforcement without a usable scheme, or a SASL
     *                                  login that cannot be set up ({@link SaslLogin#configure})
     */
    public static ClientAuthPolicy configure(AuthSettings settings, ProviderRegistry base) {
        settings.authProviders().forEach((key, value) -> {
            String name = value.trim();
            if (builtInScheme(name).isEmpty() && PluginProviders.RESERVED_SCHEMES.contains(name)) {
                throw new IllegalArgumentException(key + "=" + value + ": the " + name + " scheme is the server's own"
                        + " and has no provider to load");
            }
        });
        SaslAuthenticationProvider saslIds = new SaslAuthenticationProvider(settings.letAnySaslUserDoX(),
                settings.saslSuperUsers());
        ProviderRegistry providers = namesBuiltIn(settings, SaslAuthenticationProvider.SCHEME)
                ? base.with(saslIds) : base;
        if (namesBuiltIn(settings, EnsembleAuthenticationProvider.SCHEME)) {
            providers = providers.with(new EnsembleAuthenticationProvider(settings.ensembleAuthName()));
        }
        Set<String> schemes = new TreeSet<>(providers.schemes());
        schemes.addAll(pluginSelectors(settings));
        checkEnforcement(settings, schemes);
        return new ClientAuthPolicy(providers, saslIds, SaslLogin.configure(settings), settings);
    }

    private static boolean namesBuiltIn(AuthSettings settings, String scheme) {
        return settings.authProviders().values().stream()
                .anyMatch(value -> builtInScheme(value.trim()).equals(Optional.of(scheme)));
    }

    /**
     * The built-in scheme an {@code authProvider.<n>} value names: Apache's class name of a provider we implement, or
     * the scheme itself ({@code ip}, {@code digest}, {@code x509}, {@code sasl}, {@code ensemble}); empty for anything else.
     */
    public static Optional<String> builtInScheme(String value) {
        if (KNOWN_PROVIDERS.containsKey(value)) {
            return Optional.of(KNOWN_PROVIDERS.get(value));
        }
        return KNOWN_PROVIDERS.containsValue(value) ? Optional.of(value) : Optional.empty();
    }

    /** Apache's class name of the provider of a built-in {@code scheme}, if Apache has one. */
    public static Optional<String> apacheClassName(String scheme) {
        return KNOWN_PROVIDERS.entrySet().stream().filter(e -> e.getValue().equals(scheme)).map(Map.Entry::getKey)
                .findFirst();
    }

    /** The {@code authProvider.<n>} values that name no built-in scheme: a plugin's scheme or class name each. */
    public static Set<String> pluginSelectors(AuthSettings settings) {
        Set<String> selectors = new TreeSet<>();
        for (String value : settings.authProviders().values()) {
            String name = value.trim();
            if (builtInScheme(name).isEmpty() && !PluginProviders.RESERVED_SCHEMES.contains(name)) {
                selectors.add(name);
            }
        }
        return selectors;
    }

    private static void checkEnforcement(AuthSettings settings, Set<String> schemes) {
        if (!settings.enforceAuth()) {
            return;
        }
        if (settings.enforceAuthSchemes().isEmpty()) {
            throw new IllegalArgumentException("enforce.auth.enabled is true but enforce.auth.schemes names no scheme");
        }
        for (String scheme : settings.enforceAuthSchemes()) {
            // world is ours, not Apache's: nobody authenticates as the world.
            if (!schemes.contains(scheme) || scheme.equals(WorldAuthenticationProvider.SCHEME)) {
                throw new IllegalArgumentException("enforce.auth.schemes names " + scheme + ", which is not available;"
                        + " register its authProvider.<n> (available: " + schemes + ")");
            }
        }
    }

    public ProviderRegistry providers() {
        return providers;
    }

    /** The SASL login, empty when no JAAS section configures one. */
    public Optional<SaslLogin> sasl() {
        return sasl;
    }

    /** Ends the SASL login (its Kerberos ticket renewal) when the server shuts down. */
    @Override
    public void close() {
        sasl.ifPresent(SaslLogin::close);
    }

    /** The ids a connection gains when SASL negotiation ends with {@code authorizationId}. */
    public List<Id> idsAfterSasl(String authorizationId) {
        return saslIds.idsAfterNegotiation(authorizationId);
    }

    /** True if a connection holding {@code ids} may send requests other than auth and SASL ones. */
    public boolean admits(Collection<Id> ids) {
        return !settings.enforceAuth()
                || ids.stream().anyMatch(id -> settings.enforceAuthSchemes().contains(id.scheme()));
    }

    /** True if enforcement demands the {@code sasl} scheme (Apache's {@code isSaslAuthRequired}). */
    public boolean saslRequired() {
        return settings.enforceAuth() && settings.enforceAuthSchemes().contains(SaslAuthenticationProvider.SCHEME);
    }

    /** The error a failed SASL negotiation gets; {@code null} keeps the connection ({@code allowSaslFailedClients}). */
    public ErrorCode saslFailure() {
        if (saslRequired()) {
            return ErrorCode.SESSIONCLOSEDREQUIRESASLAUTH;
        }
        return settings.allowSaslFailedClients() ? null : ErrorCode.AUTHFAILED;
    }
}
