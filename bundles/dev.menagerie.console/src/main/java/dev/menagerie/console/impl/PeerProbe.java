package dev.menagerie.console.impl;

import dev.menagerie.api.config.HostPort;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Asks another member for its mode and last zxid with the {@code srvr} four-letter word on its client port, as
 * {@code zkServer.sh status} does. A member that does not answer in {@link #TIMEOUT_MS} (down, firewalled, or
 * {@code srvr} not whitelisted) is reported unreachable with the reason.
 */
final class PeerProbe {

    static final int TIMEOUT_MS = 500;
    /** {@code srvr} answers in a few hundred bytes. */
    static final int MAX_ANSWER_BYTES = 8192;

    private PeerProbe() {
    }

    /** What one probe found: a mode and zxid, or the reason there are none. */
    record PeerState(String mode, Long zxid, String error) {

        static PeerState unreachable(String why) {
            return new PeerState(null, null, why);
        }
    }

    static PeerState probe(HostPort address) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.host(), address.port()), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            socket.getOutputStream().write("srvr".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return parse(readAnswer(socket.getInputStream()));
        } catch (IOException e) {
            return PeerState.unreachable(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static String readAnswer(InputStream in) throws IOException {
        return new String(in.readNBytes(MAX_ANSWER_BYTES), StandardCharsets.US_ASCII);
    }

    static PeerState parse(String answer) {
        String mode = null;
        Long zxid = null;
        for (String line : answer.split("\n")) {
            if (line.startsWith("Mode: ")) {
                mode = line.substring("Mode: ".length()).trim();
            } else if (line.startsWith("Zxid: 0x")) {
                try {
                    zxid = Long.parseUnsignedLong(line.substring("Zxid: 0x".length()).trim(), 16);
                } catch (NumberFormatException e) {
                    return PeerState.unreachable("unreadable Zxid line: " + line);
                }
            }
        }
        if (mode == null || zxid == null) {
            String first = answer.isBlank() ? "no answer" : answer.lines().findFirst().orElse("");
            return PeerState.unreachable("srvr not answered (" + first.trim() + ")");
        }
        return new PeerState(mode, zxid, null);
    }
}
