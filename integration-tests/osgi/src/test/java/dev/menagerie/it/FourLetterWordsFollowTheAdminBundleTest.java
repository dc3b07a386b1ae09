package dev.menagerie.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.menagerie.api.status.FourLetterWordHandler;
import dev.menagerie.api.status.ServerStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * The server publishes its status as a service, and the client port answers four-letter words through the admin
 * bundle's handler: stopping that bundle turns them away with the reason, starting it again answers them, and the
 * server and its port carry on throughout.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FourLetterWordsFollowTheAdminBundleTest extends StandaloneTestSupport {

    private static final int SOCKET_TIMEOUT_MS = 5_000;
    private static final String ADMIN_BUNDLE = "dev.menagerie.admin";

    @Test
    public void theServersStatusIsAServiceThatSrvrReports() {
        awaitServedBy(NIO);
        ServiceReference<ServerStatus> reference = Await.service(context, ServerStatus.class, null, TIMEOUT);
        ServerStatus status = context.getService(reference);
        try {
            assertEquals("standalone", status.summary().mode());
            assertTrue(status.version(), status.version().startsWith("3.9.5-menagerie-"));
            String srvr = awaitAnswer("srvr", "Mode: standalone");
            assertTrue(srvr, srvr.startsWith("Zookeeper version: " + status.version() + "\n"));
        } finally {
            context.ungetService(reference);
        }
    }

    @Test
    public void withoutTheAdminBundleWordsAreRefusedUntilItIsBack() throws Exception {
        awaitServedBy(NIO);
        awaitAnswer("ruok", "imok");
        Bundle admin = bundle(ADMIN_BUNDLE);
        try {
            admin.stop();
            Await.noService(context, FourLetterWordHandler.class, null, TIMEOUT);
            assertEquals("ruok" + FourLetterWordHandler.NO_HANDLER_ANSWER, send("ruok"));
            assertEquals("the whitelist still answers first", "mntr is not executed because it is not in the "
                    + "whitelist.\n", send("mntr"));
        } finally {
            admin.start();
        }
        awaitAnswer("ruok", "imok");
    }

    /** Sends {@code word} until the answer contains {@code expected} (components settle on other threads). */
    private String awaitAnswer(String word, String expected) {
        AtomicReference<String> last = new AtomicReference<>("no answer");
        return Await.until(() -> word + " answering " + expected + "; last: " + last.get(), TIMEOUT, () -> {
            try {
                last.set(send(word));
            } catch (IOException e) {
                last.set(e.toString());
            }
            return last.get().contains(expected) ? last.get() : null;
        });
    }

    private String send(String word) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", clientPort()), SOCKET_TIMEOUT_MS);
            socket.setSoTimeout(SOCKET_TIMEOUT_MS);
            socket.getOutputStream().write(word.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
