package dev.menagerie.server.impl.auth;

import dev.menagerie.api.auth.AuthId;
import dev.menagerie.api.auth.AuthenticationProvider;
import dev.menagerie.api.auth.ConnectionInfo;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code ensemble} scheme, registered like Apache's EnsembleAuthenticationProvider: only when an
 * {@code authProvider.N} names it. It grants no id: a client sends the name of the ensemble it means to reach, and a
 * server of another ensemble drops the connection (with no answer, so that the client tries its next server instead
 * of giving up on an AUTHFAILED). Empty auth data, or no {@code ensembleAuthName}, lets the client through.
 * Never valid in an ACL. Thread-safe: the names are fixed.
 */
public final class EnsembleAuthenticationProvider implements AuthenticationProvider {
    private static final Logger LOG = LoggerFactory.getLogger(EnsembleAuthenticationProvider.class);
    /** A client retrying a wrong name against every server must not flood the log: one warning a second at most. */
    private static final long MIN_WARNING_INTERVAL_MS = 1000;
    public static final String SCHEME = "ensemble";
    /** The zoo.cfg key (or {@code -Dzookeeper.ensembleAuthName}): the comma-separated names of this ensemble. */
    public static final String NAMES_KEY = "ensembleAuthName";

    /** What {@link #check} decided; each outcome has its Apache counter. */
    public enum Outcome { SKIPPED, ACCEPTED, REFUSED }

    private final Optional<Set<String>> names;
    private final AtomicLong lastWarningMs = new AtomicLong(Long.MIN_VALUE / 2);

    /** @param namesCsv the {@value #NAMES_KEY} setting, or null when unset */
    public EnsembleAuthenticationProvider(String namesCsv) {
        this.names = Optional.ofNullable(namesCsv).map(EnsembleAuthenticationProvider::parse);
        LOG.info("The ensemble authentication provider is registered; expected ensemble names: {}",
                namesCsv == null ? "none (" + NAMES_KEY + " is unset: every client passes)" : namesCsv);
    }

    /** Apache splits at commas and trims each name; an empty name is a name too. */
    static Set<String> parse(String namesCsv) {
        return Arrays.stream(namesCsv.split(",")).map(String::trim).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The decision on one auth packet of this scheme from a client connection.
     *
     * @param clientAddress the client's IP address, for the warning about a wrong name
     * @param nowMs         the current time, which spaces the warnings
     */
    public Outcome check(byte[] authData, String clientAddress, long nowMs) {
        if (authData == null || authData.length == 0 || names.isEmpty()) {
            return Outcome.SKIPPED;
        }
        String name = new String(authData, StandardCharsets.UTF_8);
        if (names.get().contains(name)) {
            return Outcome.ACCEPTED;
        }
        long last = lastWarningMs.get();
        if (nowMs - last > MIN_WARNING_INTERVAL_MS && lastWarningMs.compareAndSet(last, nowMs)) {
            LOG.warn("Unexpected ensemble name {} from client {}: closing its connection", name, clientAddress);
        }
        return Outcome.REFUSED;
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    /**
     * Outside the client port (the admin server's auth), an ensemble name identifies nobody. Client connections
     * ask {@link #check} instead.
     */
    @Override
    public List<AuthId> authenticate(byte[] authData, ConnectionInfo connection) {
        return List.of();
    }

    @Override
    public boolean matches(String id, String aclExpression) {
        return false;
    }

    @Override
    public boolean isAuthenticated() {
        return false;
    }

    @Override
    public boolean isValid(String id) {
        return false;
    }
}
