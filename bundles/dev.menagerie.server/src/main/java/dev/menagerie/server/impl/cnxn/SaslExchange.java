package dev.menagerie.server.impl.cnxn;

import dev.menagerie.protocol.ErrorCode;
import dev.menagerie.protocol.data.Id;
import dev.menagerie.server.impl.auth.ClientAuthPolicy;
import dev.menagerie.server.impl.auth.SaslLogin;

import java.util.List;

import javax.security.sasl.SaslException;
import javax.security.sasl.SaslServer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's SASL negotiation (opcode 102), as Apache's {@code ZooKeeperServer.processSasl}: each client token
 * goes through the connection's DIGEST-MD5 server; when it completes, the connection gains {@code sasl:<id>} (and
 * {@code super:} for a {@code superUser}). Not thread-safe: the connection calls it under its own lock.
 */
final class SaslExchange {
    private static final Logger LOG = LoggerFactory.getLogger(SaslExchange.class);

    /**
     * What to answer: {@code error} 0 with the server's next token (null when it has none); or a failure, after
     * which the connection closes unless {@code close} is false ({@code allowSaslFailedClients}).
     */
    record Step(int error, byte[] token, List<Id> gained, boolean close) {
    }

    private final ClientAuthPolicy policy;
    private final String client;
    private SaslServer server;

    SaslExchange(ClientAuthPolicy policy, String client) {
        this.policy = policy;
        this.client = client;
    }

    Step evaluate(byte[] clientToken, long sessionId) {
        if (policy.sasl().isEmpty()) {
            // Apache has no SASL server for the connection then, logs an error and answers OK with no token.
            LOG.warn("Client {} asked for SASL authentication, but no JAAS section configures it on this server",
                    client);
            return new Step(0, null, List.of(), false);
        }
        try {
            byte[] response = server().evaluateResponse(clientToken == null ? new byte[0] : clientToken);
            if (!server.isComplete()) {
                return new Step(0, response, List.of(), false);
            }
            String authorizationId = server.getAuthorizationID();
            List<Id> gained = policy.idsAfterSasl(authorizationId);
            LOG.info("Session 0x{}: SASL authorized {} from {}{}", Long.toHexString(sessionId), authorizationId,
                    client, gained.size() > 1 ? " as a super user" : "");
            return new Step(0, response, gained, false);
        } catch (SaslException | IllegalStateException e) {
            return failed(e);
        }
    }

    private SaslServer server() throws SaslException {
        if (server == null) {
            SaslLogin login = policy.sasl().orElseThrow();
            server = login.newServer();
        }
        return server;
    }

    private Step failed(Exception e) {
        LOG.warn("Client {} failed to SASL authenticate: {}", client, e.getMessage());
        ErrorCode error = policy.saslFailure();
        if (error == null) {
            LOG.warn("Keeping the connection of {} despite the failed SASL authentication (allowSaslFailedClients)",
                    client);
            return new Step(0, null, List.of(), false);
        }
        return new Step(error.code(), null, List.of(), true);
    }
}
