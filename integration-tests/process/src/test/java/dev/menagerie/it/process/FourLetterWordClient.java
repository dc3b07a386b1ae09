package dev.menagerie.it.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Four-letter words over a plain socket: write the word, read until the server closes the connection. */
public final class FourLetterWordClient {

    private static final Pattern MODE = Pattern.compile("(?m)^Mode: (\\S+)");
    private static final int MAX_ANSWER_BYTES = 64 * 1024;

    private FourLetterWordClient() {
    }

    /** The answer, or a text starting with {@code "no answer: "} when the port refuses or times out. */
    public static String send(int clientPort, String word, Duration timeout) {
        try (Socket socket = new Socket()) {
            int timeoutMs = (int) timeout.toMillis();
            socket.connect(new InetSocketAddress("127.0.0.1", clientPort), timeoutMs);
            socket.setSoTimeout(timeoutMs);
            socket.getOutputStream().write(word.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return readAll(socket.getInputStream());
        } catch (IOException e) {
            return "no answer: " + e;
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        for (int n; answer.size() < MAX_ANSWER_BYTES && (n = in.read(buffer)) >= 0; ) {
            answer.write(buffer, 0, n);
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    /** The {@code Mode:} value of a {@code srvr} answer, or {@code none} (not serving, no answer). */
    public static String mode(String srvrAnswer) {
        Matcher matcher = MODE.matcher(srvrAnswer);
        return matcher.find() ? matcher.group(1) : "none";
    }
}
