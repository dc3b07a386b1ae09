package dev.menagerie.embedded;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives JUnit 5 tests a Menagerie server. Where it is registered sets how long the server lives:
 * <ul>
 * <li>a {@code static} {@code @RegisterExtension} field, or {@code @ExtendWith(MenagerieExtension.class)} on the
 * class: one server for all the tests of the class, started before the first and closed after the last;</li>
 * <li>an instance {@code @RegisterExtension} field: a new server for each test method, closed after it.</li>
 * </ul>
 * Tests and lifecycle methods can take the {@link EmbeddedServer} as a parameter, or its connect string as a
 * {@code String} parameter annotated {@link ConnectString}.
 */
public final class MenagerieExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {

    /** Marks a {@code String} parameter that receives the server's connect string. */
    @Target(ElementType.PARAMETER)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface ConnectString {
    }

    private final EmbeddedServerBuilder builder;
    private EmbeddedServer server;
    private boolean perClass;
    /** How many test classes the per-class server serves now: {@code @Nested} classes share their outer class's. */
    private int classDepth;

    /** Servers with the defaults of {@link EmbeddedServer#standalone()}. */
    public MenagerieExtension() {
        this(EmbeddedServer.standalone());
    }

    /** Servers built by {@code builder} (storage, transport, zoo.cfg keys). */
    public MenagerieExtension(EmbeddedServerBuilder builder) {
        this.builder = builder;
    }

    /** The running server, for a field-registered extension. */
    public EmbeddedServer server() {
        if (server == null) {
            throw new IllegalStateException("no server: it starts before each test (instance field) or before all"
                    + " tests of the class (static field)");
        }
        return server;
    }

    /** The running server's connect string. */
    public String connectString() {
        return server().connectString();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        perClass = true;
        if (classDepth++ == 0) {
            server = builder.start();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (!perClass) {
            server = builder.start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (!perClass) {
            closeServer();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (--classDepth == 0) {
            closeServer();
            perClass = false;
        }
    }

    private void closeServer() throws Exception {
        if (server != null) {
            EmbeddedServer closing = server;
            server = null;
            closing.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == EmbeddedServer.class
                || type == String.class && parameter.isAnnotated(ConnectString.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (server == null) {
            throw new ParameterResolutionException("no Menagerie server runs for " + context.getDisplayName()
                    + ": with a per-method server, only test methods and @BeforeEach/@AfterEach methods can take it");
        }
        return parameter.getParameter().getType() == EmbeddedServer.class ? server : server.connectString();
    }
}
