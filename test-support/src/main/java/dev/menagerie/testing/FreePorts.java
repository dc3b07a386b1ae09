package dev.menagerie.testing;

import dev.menagerie.classpath.LoopbackPorts;

/**
 * Loopback ports for test servers: {@link LoopbackPorts}, which embedded servers draw from too, so a test and the
 * servers it embeds never get the same port.
 */
public final class FreePorts {

    private FreePorts() {
    }

    public static int next() {
        return LoopbackPorts.next();
    }
}
