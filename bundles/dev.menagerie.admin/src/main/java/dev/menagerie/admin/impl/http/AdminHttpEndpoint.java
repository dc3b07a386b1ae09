package dev.menagerie.admin.impl.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.menagerie.admin.impl.command.CommandRegistry;
import dev.menagerie.api.metrics.Counter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * One listening admin port serving the commands: a JDK HTTP server, a JDK HTTPS server ({@code admin.forceHttps}),
 * or both behind a {@link UnifiedPort} ({@code admin.portUnification}). Rebinding means closing this and starting
 * another.
 *
 * <p>Requests run on a small bounded pool of daemon threads. When the pool and its queue are full, the JDK's
 * dispatcher thread runs the request itself, which stops it accepting more until one finishes: back-pressure
 * instead of unbounded queueing or dropped connections.
 */
public final class AdminHttpEndpoint implements AutoCloseable {

    static final int MAX_THREADS = 4;
    static final int MAX_QUEUED_REQUESTS = 64;
    static final int ACCEPT_BACKLOG = 50;
    static final long IDLE_THREAD_KEEP_ALIVE_S = 30;

    private final List<HttpServer> servers;
    private final UnifiedPort unifiedPort;
    private final ThreadPoolExecutor executor;

    private AdminHttpEndpoint(List<HttpServer> servers, UnifiedPort unifiedPort, ThreadPoolExecutor executor) {
        this.servers = servers;
        this.unifiedPort = unifiedPort;
        this.executor = executor;
    }

    /**
     * Binds and starts serving.
     *
     * @throws IOException when the address cannot be bound (a {@link java.net.BindException} when the port is in
     *     use), the host name does not resolve, or the HTTPS stores cannot be read
     * @param insecureConnections counts the plain HTTP connections of a unified port (Apache's
     *     {@code insecure_admin_count})
     */
    public static AdminHttpEndpoint start(AdminSettings settings, CommandRegistry registry,
            Counter insecureConnections) throws IOException {
        InetSocketAddress address = new InetSocketAddress(settings.address(), settings.port());
        if (address.isUnresolved()) {
            throw new UnknownHostException("unknown host " + settings.address());
        }
        AdminTls tls = settings.tls();
        if (tls == null) {
            HttpServer server = HttpServer.create(address, ACCEPT_BACKLOG);
            return serve(settings, registry, List.of(server), null, ClientPeers.direct(chain -> false));
        }
        SSLContext context = tls.serverContext();
        AdminTls.ClientChainCheck chainCheck = tls.clientChainCheck();
        if (!tls.unified()) {
            HttpServer server = https(address, context, tls.needClientAuth());
            return serve(settings, registry, List.of(server), null, ClientPeers.direct(chainCheck));
        }
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        HttpServer plain = HttpServer.create(loopback, ACCEPT_BACKLOG);
        HttpServer secure = https(loopback, context, tls.needClientAuth());
        UnifiedPort port;
        try {
            port = UnifiedPort.open(address, ACCEPT_BACKLOG, plain.getAddress(), secure.getAddress(),
                    insecureConnections);
        } catch (IOException e) {
            plain.stop(0);
            secure.stop(0);
            throw e;
        }
        return serve(settings, registry, List.of(plain, secure), port, ClientPeers.relayed(port::clientOf,
                chainCheck));
    }

    private static HttpServer https(InetSocketAddress address, SSLContext context, boolean needClientAuth)
            throws IOException {
        HttpsServer server = HttpsServer.create(address, ACCEPT_BACKLOG);
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters parameters) {
                SSLParameters ssl = context.getDefaultSSLParameters();
                // As Jetty's default: a client certificate is asked for only when it is required.
                ssl.setNeedClientAuth(needClientAuth);
                parameters.setSSLParameters(ssl);
            }
        });
        return server;
    }

    private static AdminHttpEndpoint serve(AdminSettings settings, CommandRegistry registry, List<HttpServer> servers,
            UnifiedPort port, ClientPeers peers) {
        String context = settings.commandUrl().isEmpty() ? "/" : settings.commandUrl();
        ThreadPoolExecutor executor = newExecutor();
        for (HttpServer server : servers) {
            server.createContext(context, new CommandHandler(settings.commandUrl(), registry, peers));
            server.setExecutor(executor);
            server.start();
        }
        return new AdminHttpEndpoint(servers, port, executor);
    }

    private static ThreadPoolExecutor newExecutor() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(MAX_THREADS, MAX_THREADS, IDLE_THREAD_KEEP_ALIVE_S,
                TimeUnit.SECONDS, new ArrayBlockingQueue<>(MAX_QUEUED_REQUESTS), new DaemonThreads(),
                new ThreadPoolExecutor.CallerRunsPolicy());
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    /** The address actually bound; its port is the chosen one when port 0 was asked for. */
    public InetSocketAddress address() {
        return unifiedPort != null ? unifiedPort.address() : servers.get(0).getAddress();
    }

    /**
     * Serves {@code path} and everything under it with {@code handler}, from the next request on.
     *
     * @throws IllegalArgumentException when something is mounted at exactly that path already
     */
    public void mount(String path, HttpHandler handler) {
        // Every server has the same contexts, so a clash shows on the first, before any is changed.
        for (HttpServer server : servers) {
            server.createContext(path, handler);
        }
    }

    /** Stops serving {@code path}; requests under it then go to the longest remaining prefix, as before mounting. */
    public void unmount(String path) {
        for (HttpServer server : servers) {
            try {
                server.removeContext(path);
            } catch (IllegalArgumentException notMounted) {
                // mounting had failed (a clash); nothing to remove
            }
        }
    }

    /** Stops listening at once; admin requests are short, so nothing worth waiting for is cut off. */
    @Override
    public void close() {
        if (unifiedPort != null) {
            unifiedPort.close();
        }
        servers.forEach(server -> server.stop(0));
        executor.shutdownNow();
    }

    private static final class DaemonThreads implements ThreadFactory {

        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "menagerie-admin-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
