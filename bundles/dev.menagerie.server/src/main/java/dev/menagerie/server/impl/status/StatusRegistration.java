package dev.menagerie.server.impl.status;

import dev.menagerie.api.status.ServerStatus;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** Publishes the running server's {@link ServerStatus} as a service while the server runs. */
public final class StatusRegistration {

    private ServiceRegistration<ServerStatus> registration;

    public synchronized void publish(BundleContext context, ServerStatus status) {
        withdraw();
        registration = context.registerService(ServerStatus.class, status, null);
    }

    public synchronized void withdraw() {
        if (registration == null) {
            return;
        }
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the bundle is stopping and the framework unregistered it first
        }
        registration = null;
    }
}
