package dev.menagerie.jmx.impl;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * Apache ZooKeeper's ObjectName scheme: the domain {@code org.apache.ZooKeeperService} and one key
 * {@code name<i>} per level of the bean's path, {@code name0} at the top.
 */
final class BeanNames {

    static final String DOMAIN = "org.apache.ZooKeeperService";
    static final String DATA_TREE = "InMemoryDataTree";
    static final String CONNECTIONS = "Connections";

    private BeanNames() {
    }

    static ObjectName of(List<String> path) {
        StringBuilder name = new StringBuilder(DOMAIN).append(':');
        for (int level = 0; level < path.size(); level++) {
            if (level > 0) {
                name.append(',');
            }
            name.append("name").append(level).append('=').append(path.get(level));
        }
        try {
            return new ObjectName(name.toString());
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("Not a valid ObjectName: " + name, e);
        }
    }

    /** The level naming a client's address: the bare address, quoted when IPv6 (it has colons), as Apache does. */
    static String clientLevel(InetAddress address) {
        String text = address.getHostAddress();
        return address instanceof Inet6Address ? ObjectName.quote(text) : text;
    }
}
