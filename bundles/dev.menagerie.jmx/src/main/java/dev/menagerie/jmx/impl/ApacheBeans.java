package dev.menagerie.jmx.impl;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.status.ConnectionStatus;
import dev.menagerie.api.status.LearnerConnection;
import dev.menagerie.api.status.ServerStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the beans registered on an MBean server in step with the server's state: {@link #refresh} registers the
 * beans the current mode calls for, under Apache ZooKeeper's names, and unregisters the others; {@link #clear}
 * unregisters every bean it registered. Not thread-safe: one thread drives it.
 */
final class ApacheBeans {

    private static final Logger LOG = LoggerFactory.getLogger(ApacheBeans.class);

    private final ServerStatus status;
    private final MBeanServer mbeanServer;
    private final LongSupplier clock;
    private final QuorumBeans quorum;
    private final Map<ObjectName, Object> registered = new HashMap<>();
    private String lastLayout = "";

    ApacheBeans(ServerStatus status, ServerConfig config, MBeanServer mbeanServer, LongSupplier clock) {
        this.status = status;
        this.mbeanServer = mbeanServer;
        this.clock = clock;
        this.quorum = new QuorumBeans(status, config, clock);
    }

    /** The names registered now. */
    List<ObjectName> names() {
        return new ArrayList<>(registered.keySet());
    }

    void refresh() {
        Map<ObjectName, Supplier<Object>> wanted = wanted();
        for (ObjectName name : new ArrayList<>(registered.keySet())) {
            if (!wanted.containsKey(name)) {
                unregister(name);
            }
        }
        wanted.forEach((name, bean) -> {
            if (!registered.containsKey(name)) {
                register(name, bean.get());
            }
        });
    }

    void clear() {
        for (ObjectName name : new ArrayList<>(registered.keySet())) {
            unregister(name);
        }
    }

    private Map<ObjectName, Supplier<Object>> wanted() {
        Map<ObjectName, Supplier<Object>> wanted = new LinkedHashMap<>();
        quorum.addTo(wanted);
        List<String> serverPath = serverPath();
        if (serverPath.isEmpty()) {
            return wanted;
        }
        wanted.put(BeanNames.of(serverPath), switch (status.summary().mode()) {
            case "leader" -> () -> new LeaderBean(status, clock.getAsLong());
            case "follower" -> () -> new FollowerBean(status, clock.getAsLong());
            default -> () -> new ServerBean(status, clock.getAsLong());
        });
        wanted.put(BeanNames.of(child(serverPath, BeanNames.DATA_TREE)), () -> new DataTreeBean(status));
        for (LearnerConnection learner : status.learnerConnections()) {
            List<String> path = new ArrayList<>(serverPath);
            path.addAll(LearnerHandlerBean.levels(learner));
            wanted.put(BeanNames.of(path), () -> new LearnerHandlerBean(status, learner));
        }
        for (ConnectionStatus connection : status.connections()) {
            if (!connection.hasSession()) {
                continue;   // Apache registers a connection's bean once its session is established
            }
            List<String> path = child(serverPath, BeanNames.CONNECTIONS,
                    BeanNames.clientLevel(connection.remoteAddress().getAddress()),
                    ConnectionBean.hex(connection.sessionId()));
            wanted.put(BeanNames.of(path), () -> new ConnectionBean(status, connection));
        }
        return wanted;
    }

    /**
     * The server bean's path for the current mode: {@code StandaloneServer_port<N>}, or
     * {@code ReplicatedServer_id<N>/replica.<N>/Leader} (Follower, Observer) as Apache names a quorum member's
     * server bean; empty while the server has no role that Apache gives a server bean (electing, syncing).
     */
    private List<String> serverPath() {
        String mode = status.summary().mode();
        List<String> path = switch (mode) {
            case "standalone" -> List.of("StandaloneServer_port" + status.configuration().clientPort());
            case "leader", "follower", "observer" -> quorum.localPath()
                    .map(local -> child(local, Character.toUpperCase(mode.charAt(0)) + mode.substring(1)))
                    .orElse(List.of());
            default -> List.of();
        };
        String layout = mode + path;
        if (!layout.equals(lastLayout)) {
            if (path.isEmpty()) {
                LOG.info("No JMX server beans in mode {}: Apache registers them only for a standalone server, a"
                        + " leader, a follower or an observer", mode);
            } else {
                LOG.info("JMX server bean {} (mode {})", BeanNames.of(path), mode);
            }
            lastLayout = layout;
        }
        return path;
    }

    private static List<String> child(List<String> parent, String... levels) {
        List<String> path = new ArrayList<>(parent);
        path.addAll(List.of(levels));
        return path;
    }

    private void register(ObjectName name, Object bean) {
        try {
            mbeanServer.registerMBean(bean, name);
            registered.put(name, bean);
        } catch (InstanceAlreadyExistsException e) {
            LOG.warn("Cannot register the MBean {}: another bean has that name", name);
        } catch (JMException e) {
            LOG.warn("Cannot register the MBean {}", name, e);
        }
    }

    private void unregister(ObjectName name) {
        registered.remove(name);
        try {
            mbeanServer.unregisterMBean(name);
        } catch (InstanceNotFoundException e) {
            LOG.debug("The MBean {} was unregistered by someone else", name);
        } catch (JMException e) {
            LOG.warn("Cannot unregister the MBean {}", name, e);
        }
    }
}
