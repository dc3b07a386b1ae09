package dev.menagerie.it;

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

    /** System property (set by the pom) naming the directory our bundle jars are copied to. */
    static final String BUNDLE_DIR_PROPERTY = "menagerie.it.bundleDir";

    static final String UNANIMOUS_BUNDLE = "dev.menagerie.example.quorum.unanimous";
    static final String MAJORITY_BUNDLE = "dev.menagerie.quorum.majority";

    /** Our bundles that every test starts with, in no particular order. */
    static final List<String> MENAGERIE_BUNDLES = List.of(
            "dev.menagerie.api",
            "dev.menagerie.config",
            MAJORITY_BUNDLE,
            "dev.menagerie.quorum.hierarchical",
            "dev.menagerie.quorum",
            "dev.menagerie.admin");

    /** SPI Fly must weave slf4j-api before anything logs, or slf4j stays silent for good. */
    private static final int SPI_FLY_START_LEVEL = 1;
    private static final int SLF4J_START_LEVEL = 2;
    private static final int RUNTIME_START_LEVEL = 3;

    private MenagerieOptions() {
    }

    /** Every bundle started against a fresh three-server zoo.cfg written for this test class. */
    static Option[] quorumOfThree() {
        Path zooCfg = QuorumFixture.writeQuorumOfThree();
        return options(
                systemProperty(Constants.EXAM_FAIL_ON_UNRESOLVED_KEY).value("true"),
                frameworkProperty(CONFIG_FILE_PROPERTY).value(zooCfg.toString()),
                frameworkProperty(CONFIG_POLL_MS_PROPERTY).value(Integer.toString(CONFIG_POLL_MS)),
                // the admin bundle serves HTTP with the JDK's server; Pax Exam adds its own packages to this list
                systemPackage("com.sun.net.httpserver"),
                // Felix would otherwise let slf4j's ServiceLoader see the test JVM's class path and pick the
                // slf4j-simple found there, whose interface is not the bundle's ("not a subtype": no logging)
                frameworkProperty("felix.bootdelegation.implicit").value("false"),
                frameworkProperty(UNANIMOUS_BUNDLE_LOCATION_PROPERTY).value(bundleUnderTest(UNANIMOUS_BUNDLE)),
                logging(),
                declarativeServices(),
                menagerie(),
                junitBundles());
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
