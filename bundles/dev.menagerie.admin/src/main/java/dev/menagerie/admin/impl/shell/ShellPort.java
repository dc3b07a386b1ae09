package dev.menagerie.admin.impl.shell;

import dev.menagerie.api.config.ServerConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.felix.service.command.CommandProcessor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Gogo shell for a server started in the background ({@code zkServer.sh start}), which has no console: it listens
 * on the loopback interface only, on a port the system picks, and admits a connection only with the token of the
 * {@link ShellTicket} it writes into dataDir (mode 600). {@code zkServer.sh shell} reads the ticket and attaches.
 * It starts with the first published configuration and keeps running across later revisions (dataDir does not
 * change without a restart), so a {@code menagerie:switch} typed into it does not cut its own session. At most
 * {@link #MAX_SESSIONS} shells are attached at once. The framework property {@value #ENABLED_PROPERTY}{@code =false}
 * turns it off.
 */
@Component(immediate = true, service = {})
public final class ShellPort {

    static final String ENABLED_PROPERTY = "menagerie.shell.enabled";
    static final int MAX_SESSIONS = 4;

    private static final Logger LOG = LoggerFactory.getLogger(ShellPort.class);

    private final CommandProcessor processor;
    private final boolean enabled;
    private final Set<Socket> attached = ConcurrentHashMap.newKeySet();
    private ServerSocket listener;
    private ShellTicket ticket;
    private boolean stopped;

    @Activate
    public ShellPort(BundleContext context, @Reference(name = "processor") CommandProcessor processor) {
        this.processor = processor;
        this.enabled = !"false".equalsIgnoreCase(String.valueOf(context.getProperty(ENABLED_PROPERTY)).trim());
        if (!enabled) {
            LOG.info("Shell port is off ({}=false)", ENABLED_PROPERTY);
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindServerConfig(ServerConfig config) {
        if (enabled && listener == null && !stopped) {
            open(config);
        }
    }

    void unbindServerConfig(ServerConfig config) {
        // the port outlives configuration revisions; it closes with the component
    }

    private void open(ServerConfig config) {
        try {
            ServerSocket socket = new ServerSocket(0, MAX_SESSIONS, InetAddress.getLoopbackAddress());
            try {
                ticket = ShellTicket.write(config.dataDir().toAbsolutePath(), socket.getLocalPort());
            } catch (IOException | UnsupportedOperationException e) {
                socket.close();
                LOG.warn("Shell port not opened: cannot write a private ticket into {}: {}", config.dataDir(),
                        e.getMessage());
                return;
            }
            listener = socket;
            Thread acceptor = new Thread(() -> accept(socket, ticket), "menagerie-shell-port");
            acceptor.setDaemon(true);
            acceptor.start();
            LOG.info("Shell port listening on {}:{}; zkServer.sh shell attaches with the ticket {}",
                    socket.getInetAddress().getHostAddress(), socket.getLocalPort(), ticket.file());
        } catch (IOException e) {
            LOG.warn("Shell port not opened: {}", e.getMessage());
        }
    }

    private void accept(ServerSocket socket, ShellTicket admitted) {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                return;
            }
            if (attached.size() >= MAX_SESSIONS) {
                refuse(client);
                continue;
            }
            attached.add(client);
            Thread session = new Thread(() -> {
                try {
                    new ShellSession(client, admitted, processor).run();
                } finally {
                    attached.remove(client);
                }
            }, "menagerie-shell-" + client.getPort());
            session.setDaemon(true);
            session.start();
        }
    }

    private static void refuse(Socket client) {
        try (client) {
            client.getOutputStream().write(("Refused: " + MAX_SESSIONS + " shells are attached already\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.debug("Shell port: could not tell a refused client why: {}", e.getMessage());
        }
    }

    @Deactivate
    synchronized void deactivate() {
        stopped = true;
        if (listener == null) {
            return;
        }
        try {
            listener.close();
            ticket.delete();
        } catch (IOException e) {
            LOG.warn("Shell port: closing: {}", e.getMessage());
        }
        for (Socket client : attached) {
            try {
                client.close();
            } catch (IOException e) {
                LOG.debug("Shell port: closing a session: {}", e.getMessage());
            }
        }
    }
}
