package dev.menagerie.admin.impl.environment;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Supplier;

/**
 * The canonical host name, looked up until a lookup succeeds: a reverse DNS lookup can take seconds, and a request
 * thread should not pay that on every {@code envi}.
 */
public final class CanonicalHostName implements Supplier<String> {

    private volatile String cached;

    @Override
    public String get() {
        String name = cached;
        if (name == null) {
            try {
                name = InetAddress.getLocalHost().getCanonicalHostName();
                cached = name;
            } catch (UnknownHostException e) {
                return Environment.NOT_AVAILABLE;
            }
        }
        return name;
    }
}
