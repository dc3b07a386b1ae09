package dev.menagerie.admin.impl.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.menagerie.admin.impl.command.CommandRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One listening JDK HTTP server serving the admin commands. Rebinding means closing this and starting another.
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

    private final HttpServer server;
    private final ThreadPoolExecutor executor;

    private AdminHttpEndpoint(HttpServer server, ThreadPoolExecutor executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Binds and starts serving.
     *
     * @throws IOException when the address cannot be bound (a {@link java.net.BindException} when the port is in
     *     use) or the host name does not resolve
     */
    public static AdminHttpEndpoint start(AdminSettings settings, CommandRegistry registry) throws IOException {
        InetSocketAddress address = new InetSocketAddress(settings.address(), settings.port());
        if (address.isUnresolved()) {
            throw new UnknownHostException("unknown host " + settings.address());
        }
        HttpServer server = HttpServer.create(address, ACCEPT_BACKLOG);
        String context = settings.commandUrl().isEmpty() ? "/" : settings.commandUrl();
        server.createContext(context, new CommandHandler(settings.commandUrl(), registry));
        ThreadPoolExecutor executor = newExecutor();
        server.setExecutor(executor);
        server.start();
        return new AdminHttpEndpoint(server, executor);
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
        return server.getAddress();
    }

    /**
     * Serves {@code path} and everything under it with {@code handler}, from the next request on.
     *
     * @throws IllegalArgumentException when something is mounted at exactly that path already
     */
    public void mount(String path, HttpHandler handler) {
        server.createContext(path, handler);
    }

    /** Stops serving {@code path}; requests under it then go to the longest remaining prefix, as before mounting. */
    public void unmount(String path) {
        try {
            server.removeContext(path);
        } catch (IllegalArgumentException notMounted) {
            // mounting had failed (a clash); nothing to remove
        }
    }

    /** Stops listening at once; admin requests are short, so nothing worth waiting for is cut off. */
    @Override
    public void close() {
        server.stop(0);
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
