package dev.menagerie.admin.impl.fourletter;

import dev.menagerie.admin.impl.command.TraceMask;
import dev.menagerie.admin.impl.environment.Environment;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.status.FourLetterWordHandler;
import dev.menagerie.api.status.ServerStatus;
import dev.menagerie.api.status.ServerStatus.Statistics;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The four-letter words of the client port ({@code echo ruok | nc host 2181}), answered with Apache ZooKeeper
 * 3.9's texts from the server's {@link ServerStatus}. The server has already checked that the word is known and
 * that {@code 4lw.commands.whitelist} enables it.
 */
@Component(service = FourLetterWordHandler.class)
public final class FourLetterWords implements FourLetterWordHandler {

    /** Apache's answer to most words while a quorum peer is electing or syncing. */
    static final String NOT_SERVING = "This ZooKeeper instance is not currently serving requests";

    /** The words that answer {@link #NOT_SERVING} then, as Apache's commands that check isZKServerRunning. */
    private static final Set<String> NEED_SERVING = Set.of("srvr", "stat", "mntr", "conf", "cons", "crst", "dirs",
            "dump", "srst", "wchs", "wchc", "wchp", "hash", "isro");

    private final Environment environment;
    private final MetricsRegistry metrics;

    @Activate
    public FourLetterWords(@Reference(name = "metrics") MetricsRegistry metrics) {
        this(Environment.ofThisJvm(), metrics);
    }

    FourLetterWords(Environment environment, MetricsRegistry metrics) {
        this.environment = environment;
        this.metrics = metrics;
    }

    @Override
    public String answer(String word, ServerStatus status) {
        if (NEED_SERVING.contains(word) && !status.summary().serving()) {
            return switch (word) {
                case "isro" -> "null";
                case "hash" -> NOT_SERVING;
                default -> NOT_SERVING + "\n";
            };
        }
        return switch (word) {
            case "ruok" -> "imok";
            case "isro" -> "read-only".equals(status.summary().mode()) ? "ro" : "rw";
            case "srvr" -> ServerText.srvr(status);
            case "stat" -> ServerText.stat(status);
            case "cons" -> ServerText.connections(status.connections(), false) + "\n";
            case "conf" -> ConfigurationText.conf(status.configuration(), status.diskUsage());
            case "dirs" -> ConfigurationText.dirs(status.diskUsage());
            case "envi" -> envi(status.version());
            case "mntr" -> MonitorText.mntr(status, metrics);
            case "wchs" -> WatchText.summary(status.watches());
            case "wchc" -> WatchText.byConnection(status.watches());
            case "wchp" -> WatchText.byPath(status.watches());
            case "dump" -> SessionText.dump(status.sessions());
            case "crst" -> {
                status.resetStatistics(Statistics.CONNECTIONS);
                yield "Connection stats reset.\n";
            }
            case "srst" -> {
                status.resetStatistics(Statistics.SERVER);
                // Apache's ServerStats.reset zeroes its metrics too.
                metrics.reset();
                yield "Server stats reset.\n";
            }
            // Apache prints the mask without a line break. stmk reaches here only from a transport that does
            // not read the mask after the word; it reports the mask without changing it.
            case "gtmk", "stmk" -> Long.toString(TraceMask.get());
            case "hash" -> "digest of the tree: " + status.dataTree().digest() + "\n";
            default -> null;
        };
    }

    /** {@code stmk} and the mask that followed it: sets the shared trace mask and answers it, as Apache does. */
    @Override
    public String answer(String word, long argument, ServerStatus status) {
        if (!"stmk".equals(word)) {
            return answer(word, status);
        }
        TraceMask.set(argument);
        return Long.toString(argument);
    }

    private String envi(String version) {
        StringBuilder out = new StringBuilder("Environment:\n");
        environment.fields(version).forEach((key, value) -> out.append(key).append('=').append(value).append('\n'));
        return out.toString();
    }
}
