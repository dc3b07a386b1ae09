package dev.menagerie.config.impl;

import dev.menagerie.api.config.ServerConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * Validates a zoo.cfg without starting anything: {@code java -cp <config jar>:<api jar>
 * dev.menagerie.config.impl.ConfigCheck conf/zoo.cfg}. Prints a one-line summary and exits 0, or prints the
 * one-line error to stderr and exits 2, Apache ZooKeeper's exit code for an invalid configuration.
 */
public final class ConfigCheck {

    public static final int EXIT_OK = 0;
    /** Apache ZooKeeper's {@code ExitCode.INVALID_CONFIG}. */
    public static final int EXIT_INVALID_CONFIG = 2;

    private ConfigCheck() {
    }

    public static void main(String[] args) {
        System.exit(run(args, ConfigParser.jvmProperties(), System.out, System.err));
    }

    /** The whole check, with its outputs injected so that tests need not exit the JVM. */
    static int run(String[] args, Map<String, String> systemProperties, PrintStream out, PrintStream err) {
        if (args.length != 1) {
            err.println("usage: ConfigCheck <path to zoo.cfg>");
            return EXIT_INVALID_CONFIG;
        }
        try {
            ParseResult result = new ConfigParser(systemProperties).parse(Path.of(args[0]));
            result.warnings().forEach(w -> err.println("warning: " + w));
            result.unknownKeys().forEach(u -> err.println("note: " + u));
            out.println(summary(result.config()));
            return EXIT_OK;
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return EXIT_INVALID_CONFIG;
        }
    }

    /** For example {@code zoo.cfg: valid; standalone, client 0.0.0.0:2181, dataDir /tmp/zookeeper}. */
    static String summary(ServerConfig config) {
        StringBuilder line = new StringBuilder(String.valueOf(config.configFile().getFileName())).append(": valid; ");
        if (config.standalone()) {
            line.append("standalone");
        } else {
            long voters = config.members().stream().filter(m -> m.votes()).count();
            line.append("quorum of ").append(config.members().size()).append(" servers (").append(voters)
                    .append(" voting), myid ").append(config.myId().orElseThrow())
                    .append(", verifier ").append(config.verifierType());
        }
        config.clientAddress().ifPresent(a -> line.append(", client ").append(a));
        config.secureClientAddress().ifPresent(a -> line.append(", secure client ").append(a));
        line.append(", transport ").append(config.cnxnFactoryType());
        line.append(", dataDir ").append(config.dataDir());
        return line.toString();
    }
}
