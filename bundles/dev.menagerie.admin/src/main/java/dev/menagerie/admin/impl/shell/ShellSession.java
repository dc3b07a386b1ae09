package dev.menagerie.admin.impl.shell;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attached shell: the first line must be the ticket's token; every further line is a Gogo command whose
 * result (or error) is written back, until {@code exit}, the end of the stream or {@link #IDLE_TIMEOUT_MS} without
 * a line. Commands get no keyboard: the shell is line by line, like a script.
 */
final class ShellSession implements Runnable {

    static final int TOKEN_TIMEOUT_MS = 10_000;
    static final int IDLE_TIMEOUT_MS = 30 * 60_000;

    private static final Logger LOG = LoggerFactory.getLogger(ShellSession.class);

    private final Socket socket;
    private final ShellTicket ticket;
    private final CommandProcessor processor;

    ShellSession(Socket socket, ShellTicket ticket, CommandProcessor processor) {
        this.socket = socket;
        this.ticket = ticket;
        this.processor = processor;
    }

    @Override
    public void run() {
        String peer = String.valueOf(socket.getRemoteSocketAddress());
        try (socket; PrintStream out = new PrintStream(socket.getOutputStream(), false, StandardCharsets.UTF_8)) {
            LineReader in = new LineReader(new BufferedInputStream(socket.getInputStream()));
            socket.setSoTimeout(TOKEN_TIMEOUT_MS);
            String token = in.next();
            if (token == null || !ticket.admits(token.trim())) {
                LOG.warn("Shell port: {} did not present the token of {}; closed", peer, ticket.file());
                out.println("Refused: wrong token (read it from " + ticket.file() + ")");
                return;
            }
            socket.setSoTimeout(IDLE_TIMEOUT_MS);
            LOG.info("Shell port: {} attached", peer);
            try (CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), out, out)) {
                runCommands(in, out, session);
            }
            LOG.info("Shell port: {} detached", peer);
        } catch (SocketTimeoutException e) {
            LOG.info("Shell port: {} was idle too long; closed", peer);
        } catch (IOException e) {
            LOG.info("Shell port: the connection from {} ended: {}", peer, e.getMessage());
        }
    }

    private static void runCommands(LineReader in, PrintStream out, CommandSession session) throws IOException {
        String line;
        while ((line = in.next()) != null) {
            String command = line.trim();
            if (command.equals("exit") || command.equals("quit")) {
                return;
            }
            if (!command.isEmpty()) {
                execute(command, out, session);
            }
            out.flush();
            if (out.checkError()) {
                throw new IOException("the client stopped reading");
            }
        }
    }

    private static void execute(String command, PrintStream out, CommandSession session) {
        try {
            Object result = session.execute(command);
            if (result != null) {
                // The commands' texts end with a line break already; a second would print an empty line.
                String text = session.format(result, Converter.INSPECT).toString();
                out.print(text);
                if (!text.endsWith("\n")) {
                    out.println();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println("gogo: interrupted");
        } catch (Exception e) {
            out.println("gogo: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
