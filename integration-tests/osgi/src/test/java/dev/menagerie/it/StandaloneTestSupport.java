package dev.menagerie.it;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.transport.ServerCnxnFactory;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.ServiceReference;

/** In-framework tests of a standalone server that clients reach on the zoo.cfg client port. */
public abstract class StandaloneTestSupport extends MenagerieTestSupport {

    static final String NIO = "nio";
    static final String NETTY = "netty";
    static final String CNXN_FACTORY_KEY = "serverCnxnFactory";

    @Override
    @Configuration
    public Option[] configuration() {
        return MenagerieOptions.standalone();
    }

    /** Puts zoo.cfg back as the test class started with it and waits until that configuration is published. */
    protected void restoreStandaloneBaseline() {
        zooCfg().restoreBaseline();
        Await.untilTrue("the baseline standalone zoo.cfg to be in force", TIMEOUT, () -> {
            ServiceReference<ServerConfig> newest = newestServerConfigOrNull();
            ServerConfig config = newest == null ? null : context.getService(newest);
            try {
                return config != null && config.standalone() && NIO.equals(config.cnxnFactoryType());
            } finally {
                if (config != null) {
                    context.ungetService(newest);
                }
            }
        });
    }

    protected int clientPort() {
        return Integer.parseInt(zooCfg().get("clientPort").orElseThrow());
    }

    /**
     * Waits until the transport of {@code type} listens on the client port and no other transport listens at all:
     * what "the server is served by that transport now" means for a client.
     */
    protected ServerCnxnFactory awaitServedBy(String type) {
        int port = clientPort();
        AtomicReference<List<String>> listening = new AtomicReference<>(List.of());
        return Await.until(() -> "only " + type + " listening on port " + port + "; listening: " + listening.get(),
                TIMEOUT, () -> {
                    listening.set(listeningTransports());
                    if (!listening.get().equals(List.of(type + "@" + port))) {
                        return null;
                    }
                    return transport(type);
                });
    }

    /** "type@port" of every registered transport that has a bound client address. */
    private List<String> listeningTransports() {
        List<String> listening = new ArrayList<>();
        for (ServiceReference<?> reference : Await.references(context, ServerCnxnFactory.class, null)) {
            ServerCnxnFactory factory = (ServerCnxnFactory) context.getService(reference);
            try {
                InetSocketAddress bound = factory == null ? null : factory.boundAddress();
                if (bound != null) {
                    listening.add(reference.getProperty(ServerCnxnFactory.TYPE) + "@" + bound.getPort());
                }
            } finally {
                context.ungetService(reference);
            }
        }
        return listening;
    }

    private ServerCnxnFactory transport(String type) {
        ServiceReference<?>[] found = Await.references(context, ServerCnxnFactory.class, "(type=" + type + ")");
        return found.length == 0 ? null : (ServerCnxnFactory) context.getService(found[0]);
    }
}
