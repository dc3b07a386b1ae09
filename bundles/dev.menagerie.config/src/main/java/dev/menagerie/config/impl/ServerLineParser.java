package dev.menagerie.config.impl;

import dev.menagerie.api.config.HostPort;
import dev.menagerie.api.config.LearnerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses the value of {@code server.N}: {@code host:quorumPort:electionPort[:participant|observer]} (3.4), with an
 * optional {@code ;[clientHost:]clientPort} (3.5+). IPv6 literals are written in brackets. Host names are kept as
 * written and never resolved here, so a name that does not resolve yet cannot break the configuration.
 */
final class ServerLineParser {

    static final String FORM = "host:quorumPort:electionPort[:participant|observer][;[clientHost:]clientPort]";
    private static final String ANY_HOST = "0.0.0.0";

    private ServerLineParser() {
    }

    static ServerLine parse(long id, Setting setting, boolean multiAddressEnabled, List<String> warnings)
            throws ConfigException {
        String[] serverAndClient = setting.value().split(";", -1);
        if (serverAndClient.length > 2) {
            throw setting.invalid(FORM);
        }
        String[] alternatives = serverAndClient[0].split("\\|", -1);
        if (alternatives.length > 1 && !multiAddressEnabled) {
            throw setting.error("several addresses separated by '|' need multiAddress.enabled=true");
        }
        if (alternatives.length > 1) {
            warnings.add(setting.origin() + ": " + setting.key()
                    + ": several addresses given; Menagerie uses the first, " + alternatives[0].trim());
        }
        List<String> parts = splitHostAndPorts(alternatives[0].trim(), setting);
        if (parts.size() < 3 || parts.size() > 4) {
            throw setting.invalid(FORM);
        }
        String host = parts.get(0);
        HostPort quorum = new HostPort(host, peerPort(parts.get(1), setting));
        HostPort election = new HostPort(host, peerPort(parts.get(2), setting));
        if (quorum.port() == election.port()) {
            throw setting.error("the quorum port and the election port must differ, both are " + quorum.port());
        }
        boolean typeGiven = parts.size() == 4;
        LearnerType type = typeGiven ? learnerType(parts.get(3), setting) : LearnerType.PARTICIPANT;
        HostPort client = serverAndClient.length == 2 ? clientAddress(serverAndClient[1].trim(), setting) : null;
        return new ServerLine(id, quorum, election, client, type, typeGiven, setting);
    }

    private static HostPort clientAddress(String text, Setting setting) throws ConfigException {
        List<String> parts = splitHostAndPorts(text, setting);
        if (parts.size() == 1) {
            return new HostPort(ANY_HOST, clientPort(parts.get(0), setting));
        }
        if (parts.size() == 2) {
            return new HostPort(parts.get(0), clientPort(parts.get(1), setting));
        }
        throw setting.invalid(FORM);
    }

    /** Splits on ':' except inside a leading {@code [ipv6]} literal, whose brackets are removed. */
    static List<String> splitHostAndPorts(String text, Setting setting) throws ConfigException {
        List<String> parts = new ArrayList<>();
        String rest = text;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0 || (close + 1 < text.length() && text.charAt(close + 1) != ':')) {
                throw setting.error("unclosed or malformed IPv6 literal in \"" + text + "\"");
            }
            parts.add(text.substring(1, close));
            rest = close + 1 < text.length() ? text.substring(close + 2) : "";
            if (rest.isEmpty()) {
                return parts;
            }
        }
        for (String part : rest.split(":", -1)) {
            parts.add(part.trim());
        }
        if (parts.get(0).isEmpty()) {
            throw setting.invalid(FORM);
        }
        return parts;
    }

    private static int peerPort(String text, Setting setting) throws ConfigException {
        int port = parsePort(text, setting);
        if (port == 0) {
            throw setting.error("port 0 cannot be used for a quorum or election port");
        }
        return port;
    }

    private static int clientPort(String text, Setting setting) throws ConfigException {
        int port = parsePort(text, setting);
        if (port == 0) {
            throw setting.error("port 0 cannot be used for the client port of a server line");
        }
        return port;
    }

    private static int parsePort(String text, Setting setting) throws ConfigException {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below with the whole line
        }
        throw setting.error("port \"" + text + "\" is not a number from 1 to 65535");
    }

    private static LearnerType learnerType(String text, Setting setting) throws ConfigException {
        String lower = text.toLowerCase(Locale.ROOT);
        for (LearnerType type : LearnerType.values()) {
            if (type.configName().equals(lower)) {
                return type;
            }
        }
        throw setting.error("unknown server type \"" + text + "\", expected participant or observer");
    }
}
