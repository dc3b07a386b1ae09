package dev.menagerie.server.impl.auth;

import dev.menagerie.api.auth.AuthenticationProvider;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authentication providers that plugin bundles registered as services, and which of them zoo.cfg selects
 * ({@code authProvider.N=<scheme or class name>}). Plugins come and go while the server runs: an ACL of a selected
 * scheme whose provider is not installed fails closed, and the server says so in one line when the selection is
 * made and when the provider goes away. Declarative Services binds a replacement before it unbinds the old service,
 * so the provider bound last serves its scheme and a withdrawn one that was replaced changes nothing.
 * Thread-safe: lookups read an immutable snapshot.
 */
public final class PluginProviders {
    private static final Logger LOG = LoggerFactory.getLogger(PluginProviders.class);
    /** The server's own schemes; a plugin cannot take them over. */
    public static final Set<String> RESERVED_SCHEMES = Set.of(WorldAuthenticationProvider.SCHEME,
            IpAuthenticationProvider.SCHEME, DigestAuthenticationProvider.SCHEME, X509AuthenticationProvider.SCHEME,
            SaslAuthenticationProvider.SCHEME, SuperUser.SCHEME, "auth");

    private record Plugin(AuthenticationProvider provider, String scheme, String className) {
        boolean isSelectedBy(String selector) {
            return selector.equals(scheme) || selector.equals(className);
        }
    }

    private final List<Plugin> bound = new ArrayList<>();
    private Set<String> selectors = Set.of();
    private volatile Map<String, AuthenticationProvider> active = Map.of();

    /**
     * A provider service was bound.
     *
     * @param properties its service properties: {@link AuthenticationProvider#SCHEME} (required, equal to
     *                   {@code scheme()}) and {@link AuthenticationProvider#CLASS_NAME} (optional)
     */
    public synchronized void offer(AuthenticationProvider provider, Map<String, ?> properties) {
        Object scheme = properties.get(AuthenticationProvider.SCHEME);
        Object className = properties.get(AuthenticationProvider.CLASS_NAME);
        if (!(scheme instanceof String name) || !name.equals(provider.scheme()) || RESERVED_SCHEMES.contains(name)) {
            LOG.warn("Ignoring the authentication provider {}: its {} property is {} and its scheme() is {}; it must"
                    + " be the same scheme, not one of {}", provider.getClass().getName(), AuthenticationProvider.SCHEME,
                    scheme, provider.scheme(), new TreeSet<>(RESERVED_SCHEMES));
            return;
        }
        bound.add(new Plugin(provider, name, className instanceof String c ? c : null));
        refresh();
        LOG.info("Authentication provider for scheme {} installed ({})", name,
                active.get(name) == provider ? "selected by authProvider.N" : "not selected by any authProvider.N");
    }

    /** A provider service was unbound (its bundle stopped, or a replacement took over). */
    public synchronized void withdraw(AuthenticationProvider provider) {
        Plugin gone = bound.stream().filter(p -> p.provider() == provider).findFirst().orElse(null);
        if (gone == null) {
            return;
        }
        boolean wasActive = active.get(gone.scheme()) == provider;
        bound.remove(gone);
        refresh();
        if (wasActive && !active.containsKey(gone.scheme())) {
            LOG.warn("The authentication provider for scheme {} is gone: ACLs of that scheme fail closed until it is"
                    + " back (installed plugins: {})", gone.scheme(), installedSchemes());
        }
    }

    /**
     * Selects the plugins that zoo.cfg names: each selector is a scheme or a {@link AuthenticationProvider#CLASS_NAME}.
     * A selector that no installed plugin answers is reported in one line, naming the installed schemes.
     */
    public synchronized void select(Set<String> newSelectors) {
        Set<String> added = new TreeSet<>(newSelectors);
        added.removeAll(selectors);
        selectors = Set.copyOf(newSelectors);
        refresh();
        for (String selector : added) {
            if (bound.stream().noneMatch(p -> p.isSelectedBy(selector))) {
                LOG.warn("authProvider {}: no authentication provider with that scheme or class name is installed;"
                        + " ACLs of its scheme fail closed until one is (installed plugins: {})", selector, installedSchemes());
            }
        }
    }

    /** The selected provider of {@code scheme}, or null. */
    public AuthenticationProvider provider(String scheme) {
        return active.get(scheme);
    }

    /** The schemes of the selected providers that are installed. */
    public Set<String> activeSchemes() {
        return active.keySet();
    }

    private Set<String> installedSchemes() {
        Set<String> schemes = new TreeSet<>();
        bound.forEach(p -> schemes.add(p.scheme()));
        return schemes;
    }

    private void refresh() {
        Map<String, AuthenticationProvider> next = new LinkedHashMap<>();
        for (Plugin plugin : bound) {
            if (selectors.stream().anyMatch(plugin::isSelectedBy)) {
                next.put(plugin.scheme(), plugin.provider()); // the one bound last wins
            }
        }
        active = Map.copyOf(next);
    }
}
