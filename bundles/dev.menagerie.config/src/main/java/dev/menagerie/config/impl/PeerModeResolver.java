package dev.menagerie.config.impl;

import dev.menagerie.api.config.HostPort;
import dev.menagerie.api.config.LearnerType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides standalone or quorum mode as Apache ZooKeeper 3.9 does, and applies the rules of quorum mode: initLimit
 * and syncLimit are set, the {@code myid} file in dataDir holds an id listed by a {@code server.N} line, and
 * {@code peerType} agrees with that line.
 */
final class PeerModeResolver {

    private final Settings settings;
    private final Ensemble ensemble;
    private final Path dataDir;

    PeerModeResolver(Settings settings, Ensemble ensemble, Path dataDir) {
        this.settings = settings;
        this.ensemble = ensemble;
        this.dataDir = dataDir;
    }

    PeerMode resolve(Optional<HostPort> clientAddress, boolean extendedTypes) throws ConfigException {
        boolean standaloneEnabled = settings.bool("standaloneEnabled", true);
        int initLimit = settings.integer("initLimit", 0, 1, Integer.MAX_VALUE);
        int syncLimit = settings.integer("syncLimit", 0, 1, Integer.MAX_VALUE);
        if (isStandalone(standaloneEnabled)) {
            return new PeerMode(true, Optional.empty(), initLimit, syncLimit, standaloneClient(clientAddress));
        }
        if (initLimit == 0) {
            throw settings.missing("initLimit", "required when the configuration lists 2 or more servers");
        }
        if (syncLimit == 0) {
            throw settings.missing("syncLimit", "required when the configuration lists 2 or more servers");
        }
        long myId = readMyId();
        ServerLine own = ensemble.lines().get(myId);
        if (own == null) {
            throw settings.error("dataDir", "the myid file says this is server " + myId
                    + ", but there is no server." + myId + " line");
        }
        if (extendedTypes) {
            checkIdsFitTtl();
        }
        checkPeerType(own);
        return new PeerMode(false, Optional.of(myId), initLimit, syncLimit, mergeClientAddress(own, clientAddress));
    }

    private boolean isStandalone(boolean standaloneEnabled) throws ConfigException {
        long participants = ensemble.participantCount();
        if (participants == 0) {
            if (!standaloneEnabled) {
                throw settings.missing("standaloneEnabled", "standaloneEnabled=false needs server.N lines with"
                        + " at least one participant");
            }
            return true;
        }
        if (participants == 1 && standaloneEnabled) {
            if (ensemble.observerCount() > 0) {
                throw settings.missing("server.N", "observers need a quorum of 2 or more participants, or"
                        + " standaloneEnabled=false");
            }
            return true;
        }
        return false;
    }

    /** A lone server line may carry the client port (HBase writes such files); clientPort still wins. */
    private Optional<HostPort> standaloneClient(Optional<HostPort> fromClientPort) {
        if (fromClientPort.isPresent()) {
            return fromClientPort;
        }
        return ensemble.lines().values().stream().map(ServerLine::clientAddress)
                .filter(java.util.Objects::nonNull).findFirst();
    }

    private long readMyId() throws ConfigException {
        Path myIdFile = dataDir.resolve("myid");
        if (!Files.isRegularFile(myIdFile)) {
            throw settings.error("dataDir", "the myid file " + myIdFile + " is missing; in quorum mode it must"
                    + " hold this server's id");
        }
        String text;
        try {
            text = Files.readAllLines(myIdFile, java.nio.charset.StandardCharsets.UTF_8).stream()
                    .findFirst().orElse("").trim();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw settings.error("dataDir", "cannot read the myid file " + myIdFile + ": " + e.getMessage());
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw settings.error("dataDir", "the myid file " + myIdFile + " must hold a server id, but holds \""
                    + text + "\"");
        }
    }

    /** TTL and container node owners encode the server id in one byte (Apache's EphemeralType). */
    private void checkIdsFitTtl() throws ConfigException {
        for (ServerLine line : ensemble.lines().values()) {
            if (line.id() > 254) {
                throw line.setting().error("server ids above 254 cannot be used with extendedTypesEnabled=true");
            }
        }
    }

    private void checkPeerType(ServerLine own) throws ConfigException {
        Optional<Setting> peerType = settings.fromFile("peerType");
        if (peerType.isEmpty()) {
            return;
        }
        String declared = peerType.get().value().toLowerCase(Locale.ROOT);
        if (!declared.equals(own.type().configName())) {
            throw peerType.get().error("this server (myid " + own.id() + ") is declared " + declared
                    + ", but its server." + own.id() + " line (" + own.setting().origin() + ") makes it "
                    + (own.type() == LearnerType.OBSERVER ? "an observer" : "a participant"));
        }
    }

    /** As Apache: the client address of this server's line is used when clientPort is unset; both must agree. */
    private Optional<HostPort> mergeClientAddress(ServerLine own, Optional<HostPort> fromClientPort)
            throws ConfigException {
        HostPort fromLine = own.clientAddress();
        if (fromLine == null) {
            return fromClientPort;
        }
        if (fromClientPort.isPresent() && !agree(fromClientPort.get(), fromLine)) {
            throw settings.error("clientPort", "client address " + fromClientPort.get()
                    + " differs from the one in server." + own.id() + " (" + fromLine + ")");
        }
        return Optional.of(fromLine);
    }

    private static boolean agree(HostPort fromClientPort, HostPort fromLine) {
        if (EnsembleParser.isWildcard(fromClientPort.host())) {
            return fromClientPort.port() == fromLine.port();
        }
        return fromClientPort.equals(fromLine);
    }
}
