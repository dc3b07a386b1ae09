package dev.menagerie.api.status;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Answers the four-letter words sent on the client port ({@code echo srvr | nc host 2181}). The server keeps the
 * port's rules and hands a word over only when both hold: the word is one Apache ZooKeeper 3.9 knows (anything
 * else closes the connection unanswered), and {@code 4lw.commands.whitelist} enables it (otherwise the server
 * answers Apache's {@code "<word> is not executed because it is not in the whitelist.\n"}).
 *
 * <p>The server binds the highest-ranked handler service and swaps it at run time. While none is registered it
 * answers every enabled word with {@link #NO_HANDLER_ANSWER} (the word first): the sentence Apache uses for a
 * word it will not run, with the reason, so scripts that treat that answer as "disabled" behave the same and an
 * operator sees what to start.
 */
@ConsumerType
public interface FourLetterWordHandler {

    /** What follows the word in the answer while no handler is registered. */
    String NO_HANDLER_ANSWER = " is not executed because no four-letter word handler is running.\n";

    /**
     * The bytes to send back, as text (sent in UTF-8, then the connection is closed), or null to close the
     * connection without an answer. Called on a transport thread: answer from {@code status} and return quickly.
     *
     * @param word the four letters, lower case, e.g. {@code ruok}
     * @param status the server whose client port received the word
     */
    String answer(String word, ServerStatus status);

    /**
     * As {@link #answer(String, ServerStatus)} for the one word sent with an argument: {@code stmk} and the
     * trace mask (a big-endian long) that followed it on the wire. Apache ZooKeeper sets its trace mask to the
     * argument and answers the new mask in decimal, without a line break. A handler that does not override this
     * method answers as if no argument had been sent.
     */
    default String answer(String word, long argument, ServerStatus status) {
        return answer(word, status);
    }
}
