package dev.menagerie.it;

import static org.ops4j.pax.exam.CoreOptions.bootDelegationPackage;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemPackage;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ops4j.pax.exam.Constants;
import org.ops4j.pax.exam.Option;

/**
 * The one place that says which bundles make up the runtime under test and how the framework is configured.
 * Runs in the test JVM (from {@code @Configuration}); the names it defines are also read inside the framework.
 */
final class MenagerieOptions {

    /** Our bundles' symbolic names (and root packages) start with this. */
    static final String SYMBOLIC_NAME_PREFIX = "dev.menagerie.";

    /** Framework property the config bundle reads the zoo.cfg path from. */
    static final String CONFIG_FILE_PROPERTY = "menagerie.config";
    /** Framework property: how often the config bundle looks at zoo.cfg. */
    static final String CONFIG_POLL_MS_PROPERTY = "menagerie.config.pollMs";
    static final int CONFIG_POLL_MS = 200;
    /** Framework property carrying the URI of the example plugin jar, which a test installs at run time. */
    static final String UNANIMOUS_BUNDLE_LOCATION_PROPERTY = "menagerie.it.unanimousBundle";
    /** Framework property carrying the URI of the example authentication provider jar, installed at run time. */
    static final String TOKEN_BUNDLE_LOCATION_PROPERTY = "menagerie.it.tokenBundle";

    /** System property (set by the pom) naming the directory our bundle jars are copied to. */
    static final String BUNDLE_DIR_PROPERTY = "menagerie.it.bundleDir";

    static final String UNANIMOUS_BUNDLE = "dev.menagerie.example.quorum.unanimous";
    static final String TOKEN_BUNDLE = "dev.menagerie.example.auth.token";
    static final String MAJORITY_BUNDLE = "dev.menagerie.quorum.majority";

    static final String NIO_TRANSPORT_BUNDLE = "dev.menagerie.transport.nio";
    static final String NETTY_TRANSPORT_BUNDLE = "dev.menagerie.transport.netty";
    static final String SERVER_BUNDLE = "dev.menagerie.server";
    /** Netty's epoll classes, and the fragment carrying their Linux x86_64 native library. */
    static final String EPOLL_CLASSES_BUNDLE = "io.netty.transport-classes-epoll";
    static final String EPOLL_NATIVE_FRAGMENT = "io.netty.transport-native-epoll.linux-x86_64";

    /** Apache's MBeans; JmxBeansFollowTheJmxBundleTest uninstalls and reinstalls it. */
    static final String JMX_BUNDLE = "dev.menagerie.jmx";
    /** The Prometheus metrics provider; MetricsEndpointFollowsThePrometheusBundleTest stops and starts it. */
    static final String PROMETHEUS_BUNDLE = "dev.menagerie.metrics.prometheus";

    /**
     * Our bundles that every test starts with, in no particular order: every runtime bundle of the distribution
     * (see distribution/menagerie.bndrun) except the logging configuration fragment, which belongs to logback.
     */
    static final List<String> MENAGERIE_BUNDLES = List.of(
            "dev.menagerie.api",
            "dev.menagerie.protocol",
            "dev.menagerie.config",
            MAJORITY_BUNDLE,
            "dev.menagerie.quorum.hierarchical",
            "dev.menagerie.quorum",
            "dev.menagerie.election.fle",
            "dev.menagerie.election.priority",
            "dev.menagerie.admin",
            "dev.menagerie.metrics",
            JMX_BUNDLE,
            PROMETHEUS_BUNDLE,
            NIO_TRANSPORT_BUNDLE,
            NETTY_TRANSPORT_BUNDLE,
            "dev.menagerie.storage.file",
            "dev.menagerie.storage.memory",
            SERVER_BUNDLE);

    /**
     * Packages of the official ZooKeeper Java client, which stays on the test JVM's class path: the system bundle
     * exports them and the probe (test classes, built with {@code DynamicImport-Package: *}) imports them.
     */
    private static final List<String> ZOOKEEPER_CLIENT_PACKAGES = List.of(
            "org.apache.zookeeper", "org.apache.zookeeper.data", "org.apache.zookeeper.client");
    private static final String ZOOKEEPER_CLIENT_VERSION = "3.9.5";

    /** SPI Fly must weave slf4j-api before anything logs, or slf4j stays silent for good. */
    private static final int SPI_FLY_START_LEVEL = 1;
    private static final int SLF4J_START_LEVEL = 2;
    private static final int RUNTIME_START_LEVEL = 3;

    private MenagerieOptions() {
    }

    /** Every bundle started against a fresh three-server zoo.cfg written for this test class. */
    static Option[] quorumOfThree() {
        return runtime(QuorumFixture.writeQuorumOfThree());
    }

    /**
     * Every bundle started against a fresh standalone zoo.cfg (free loopback client port, temporary dataDir, and
     * {@code extraZooCfgLines}), with the ZooKeeper Java client's packages visible to the test.
     */
    static Option[] standalone(String... extraZooCfgLines) {
        return options(
                composite(runtime(StandaloneFixture.writeStandalone(extraZooCfgLines))),
                zooKeeperClient());
    }

    private static Option[] runtime(Path zooCfg) {
        return options(
                systemProperty(Constants.EXAM_FAIL_ON_UNRESOLVED_KEY).value("true"),
                frameworkProperty(CONFIG_FILE_PROPERTY).value(zooCfg.toString()),
                frameworkProperty(CONFIG_POLL_MS_PROPERTY).value(Integer.toString(CONFIG_POLL_MS)),
                // the admin bundle serves HTTP with the JDK's server; Pax Exam adds its own packages to this list
                systemPackage("com.sun.net.httpserver"),
                // the Prometheus bundle reads the JVM's metrics from com.sun.management, as the distribution exports
                systemPackage("com.sun.management"),
                // Felix would otherwise let slf4j's ServiceLoader see the test JVM's class path and pick the
                // slf4j-simple found there, whose interface is not the bundle's ("not a subtype": no logging)
                frameworkProperty("felix.bootdelegation.implicit").value("false"),
                // ...which also hides the JDK's JFR internals from Netty's buffer allocator: its JFR event classes
                // are instrumented to call jdk.jfr.internal.*, and without this every Netty connection fails
                // with NoClassDefFoundError (Felix's implicit boot delegation covers it in the distribution)
                bootDelegationPackage("jdk.jfr.internal.*"),
                frameworkProperty(UNANIMOUS_BUNDLE_LOCATION_PROPERTY).value(bundleUnderTest(UNANIMOUS_BUNDLE)),
                frameworkProperty(TOKEN_BUNDLE_LOCATION_PROPERTY).value(bundleUnderTest(TOKEN_BUNDLE)),
                logging(),
                declarativeServices(),
                netty(),
                menagerie(),
                junitBundles());
    }

    /** The bundles of distribution/menagerie.bndrun that come from Netty, native epoll fragment included. */
    private static Option netty() {
        return composite(
                nettyBundle("netty-common"),
                nettyBundle("netty-buffer"),
                nettyBundle("netty-resolver"),
                nettyBundle("netty-transport"),
                nettyBundle("netty-codec-base"),
                nettyBundle("netty-handler"),
                nettyBundle("netty-transport-native-unix-common"),
                nettyBundle("netty-transport-classes-epoll"),
                // a fragment: attached to the epoll classes when they resolve, never started
                mavenBundle("io.netty", "netty-transport-native-epoll").classifier("linux-x86_64").versionAsInProject()
                        .noStart());
    }

    private static Option nettyBundle(String artifactId) {
        return mavenBundle("io.netty", artifactId).versionAsInProject().startLevel(RUNTIME_START_LEVEL);
    }

    private static Option zooKeeperClient() {
        return composite(ZOOKEEPER_CLIENT_PACKAGES.stream()
                .map(p -> systemPackage(p + ";version=" + ZOOKEEPER_CLIENT_VERSION))
                .toArray(Option[]::new));
    }

    private static Option logging() {
        return composite(
                mavenBundle("org.ow2.asm", "asm").versionAsInProject().startLevel(SPI_FLY_START_LEVEL),
                mavenBundle("org.ow2.asm", "asm-commons").versionAsInProject().startLevel(SPI_FLY_START_LEVEL),
                mavenBundle("org.ow2.asm", "asm-tree").versionAsInProject().startLevel(SPI_FLY_START_LEVEL),
                mavenBundle("org.ow2.asm", "asm-analysis").versionAsInProject().startLevel(SPI_FLY_START_LEVEL),
                mavenBundle("org.ow2.asm", "asm-util").versionAsInProject().startLevel(SPI_FLY_START_LEVEL),
                mavenBundle("org.apache.aries.spifly", "org.apache.aries.spifly.dynamic.bundle").versionAsInProject()
                        .startLevel(SPI_FLY_START_LEVEL),
                mavenBundle("org.slf4j", "slf4j-api").versionAsInProject().startLevel(SLF4J_START_LEVEL),
                mavenBundle("org.slf4j", "slf4j-simple").versionAsInProject().startLevel(SLF4J_START_LEVEL));
    }

    private static Option declarativeServices() {
        return composite(
                mavenBundle("org.osgi", "org.osgi.util.function").versionAsInProject().startLevel(RUNTIME_START_LEVEL),
                mavenBundle("org.osgi", "org.osgi.util.promise").versionAsInProject().startLevel(RUNTIME_START_LEVEL),
                mavenBundle("org.osgi", "org.osgi.service.component").versionAsInProject()
                        .startLevel(RUNTIME_START_LEVEL),
                mavenBundle("org.apache.felix", "org.apache.felix.configadmin").versionAsInProject()
                        .startLevel(RUNTIME_START_LEVEL),
                mavenBundle("org.apache.felix", "org.apache.felix.scr").versionAsInProject()
                        .startLevel(RUNTIME_START_LEVEL),
                // Gogo's command processor, as in the distribution (the admin bundle's shell port needs it); not
                // gogo.shell, whose console would stop the framework at the end of stdin.
                mavenBundle("org.apache.felix", "org.apache.felix.gogo.runtime").versionAsInProject()
                        .startLevel(RUNTIME_START_LEVEL));
    }

    private static Option menagerie() {
        return composite(MENAGERIE_BUNDLES.stream()
                .map(bsn -> bundle(bundleUnderTest(bsn)))
                .toArray(Option[]::new));
    }

    /**
     * The URI of one of our jars as the build resolved it (see maven-dependency-plugin in the pom): the freshly
     * packaged jar in a reactor build, the installed one when this module is built alone.
     */
    static String bundleUnderTest(String symbolicName) {
        Path dir = Path.of(System.getProperty(BUNDLE_DIR_PROPERTY, "target/bundles"));
        Path jar = dir.resolve(symbolicName + ".jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No " + jar + ": is " + symbolicName + " a test dependency in the pom?");
        }
        return jar.toUri().toString();
    }
}
