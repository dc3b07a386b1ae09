package dev.menagerie.server.impl.cnxn;

import dev.menagerie.api.status.FourLetterWordHandler;
import dev.menagerie.api.status.ServerStatus;
import dev.menagerie.server.impl.status.FourLetterWordSlot;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client port's rules for four-letter words, as Apache ZooKeeper 3.9 applies them: a word it does not know
 * closes the connection; a word {@code 4lw.commands.whitelist} does not enable gets Apache's refusal; any other
 * word goes to the {@link FourLetterWordHandler} (the admin bundle's), which answers from the server's status.
 */
final class FourLetterWordGate {

    private static final Logger LOG = LoggerFactory.getLogger(FourLetterWordGate.class);

    /** Every word Apache ZooKeeper 3.9.5 runs. */
    private static final Set<String> KNOWN = Set.of("ruok", "srvr", "stat", "mntr", "conf", "cons", "envi", "wchs",
            "wchc", "wchp", "dump", "isro", "dirs", "crst", "srst", "gtmk", "stmk", "hash");
    private static final String ALL = "*";

    private final Supplier<Set<String>> whitelist;
    private final FourLetterWordSlot handlers;
    private final ServerStatus status;
    private volatile boolean missingHandlerLogged;

    FourLetterWordGate(Supplier<Set<String>> whitelist, FourLetterWordSlot handlers, ServerStatus status) {
        this.whitelist = whitelist;
        this.handlers = handlers;
        this.status = status;
    }

    /** The answer to {@code word}, or null to close the connection without one. */
    String answer(String word) {
        return answer(word, handler -> handler.answer(word, status));
    }

    /** The answer to {@code word} sent with an argument ({@code stmk} and its mask), or null to close. */
    String answer(String word, long argument) {
        return answer(word, handler -> handler.answer(word, argument, status));
    }

    private String answer(String word, Function<FourLetterWordHandler, String> ask) {
        if (!KNOWN.contains(word)) {
            return null;
        }
        Set<String> enabled = whitelist.get();
        if (!enabled.contains(ALL) && !enabled.contains(word)) {
            return word + " is not executed because it is not in the whitelist.\n";
        }
        FourLetterWordHandler handler = handlers.current().orElse(null);
        if (handler == null) {
            if (!missingHandlerLogged) {
                missingHandlerLogged = true;
                LOG.warn("Four-letter word {} refused: no four-letter word handler is running (the admin bundle "
                        + "provides one)", word);
            }
            return word + FourLetterWordHandler.NO_HANDLER_ANSWER;
        }
        missingHandlerLogged = false;
        try {
            return ask.apply(handler);
        } catch (RuntimeException e) {
            LOG.error("The four-letter word handler failed on {}; the connection is closed", word, e);
            return null;
        }
    }
}
