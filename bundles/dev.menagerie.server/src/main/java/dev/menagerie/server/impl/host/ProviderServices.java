package dev.menagerie.server.impl.host;

import dev.menagerie.api.auth.AuthenticationProvider;
import dev.menagerie.server.impl.auth.ClientAuthPolicy;
import dev.menagerie.server.impl.auth.WorldAuthenticationProvider;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Hashtable;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Publishes the running server's built-in authentication providers (ip, digest, and x509 and sasl when configured)
 * as {@link AuthenticationProvider} services, with the same {@code scheme} and {@code className} properties a plugin
 * has, so that tools and contract tests see every scheme the same way. The server does not bind its own: it uses
 * the built-ins directly, with no window in which they are missing.
 */
final class ProviderServices {

    private final List<ServiceRegistration<AuthenticationProvider>> registrations = new ArrayList<>();

    synchronized void publish(BundleContext context, Collection<AuthenticationProvider> builtIns) {
        for (AuthenticationProvider provider : builtIns) {
            if (provider.scheme().equals(WorldAuthenticationProvider.SCHEME)) {
                continue; // Apache has no provider for world: world:anyone is a rule of the ACL check
            }
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put(AuthenticationProvider.SCHEME, provider.scheme());
            ClientAuthPolicy.apacheClassName(provider.scheme())
                    .ifPresent(name -> properties.put(AuthenticationProvider.CLASS_NAME, name));
            registrations.add(context.registerService(AuthenticationProvider.class, provider, properties));
        }
    }

    synchronized void withdrawAll() {
        for (ServiceRegistration<AuthenticationProvider> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping and the framework unregistered it first
            }
        }
        registrations.clear();
    }
}
