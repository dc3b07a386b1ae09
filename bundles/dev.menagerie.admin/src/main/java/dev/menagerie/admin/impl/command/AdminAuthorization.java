package dev.menagerie.admin.impl.command;

import dev.menagerie.api.auth.ConnectionInfo;
import dev.menagerie.api.status.AdminAccess;
import dev.menagerie.api.status.ServerStatus;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authentication Apache ZooKeeper 3.9 asks of {@code snapshot} and {@code restore}: an {@code Authorization}
 * header {@code <scheme> <credentials>} (or the scheme alone, for schemes that read the connection, such as
 * {@code ip}, or {@code x509}, which reads the client certificate of the HTTPS request), authenticated by the server's provider for the scheme and checked against the ACL of the root node,
 * which must grant every permission.
 */
public final class AdminAuthorization {

    static final String AUTH_MISSING = "Auth info is missing for the command";
    static final String NOT_AUTHENTICATED = "Not authenticated";
    static final String NOT_AUTHORIZED = "Not authorized";
    static final String AUTH_ERROR = "Error occurred during auth";
    /** Apache's {@code ZooDefs.Perms.ALL}: read, write, create, delete and admin. */
    static final int ALL_PERMISSIONS = 0x1f;
    static final String ROOT_PATH = "/";

    private static final Logger LOG = LoggerFactory.getLogger(AdminAuthorization.class);

    private AdminAuthorization() {
    }

    /**
     * As {@link #refusal(String, CommandRequest)}, then the method: a command that changes something takes one
     * method ({@code takenMethod}; HEAD counts as GET), checked after the authentication, as Apache checks it.
     */
    static Optional<CommandResponse> refusal(String command, CommandRequest request, String takenMethod) {
        Optional<CommandResponse> refusal = refusal(command, request);
        if (refusal.isPresent()) {
            return refusal;
        }
        String method = CommandRequest.HEAD.equals(request.method()) ? CommandRequest.GET : request.method();
        if (!takenMethod.equals(method)) {
            return Optional.of(CommandResponse.failed(command, CommandResponse.HTTP_METHOD_NOT_ALLOWED,
                    "Method not allowed: " + request.method() + " (use " + takenMethod + ")"));
        }
        return Optional.empty();
    }

    /** The refusal to answer, or empty when the request may go on. */
    static Optional<CommandResponse> refusal(String command, CommandRequest request) {
        String header = request.authorization();
        if (header == null) {
            LOG.warn("Admin command {} refused: no Authorization header", command);
            return Optional.of(CommandResponse.failed(command, CommandResponse.HTTP_UNAUTHORIZED, AUTH_MISSING));
        }
        if (malformed(header)) {
            LOG.warn("Admin command {} refused: the Authorization header is not '<scheme> <credentials>'", command);
            return Optional.of(CommandResponse.failed(command, CommandResponse.HTTP_UNAUTHORIZED, NOT_AUTHENTICATED));
        }
        String scheme = header.split(" ")[0];
        AdminAccess access = check(header, new ConnectionInfo(request.remoteAddress(), request.certificateChain()),
                request.server());
        return switch (access) {
            case GRANTED -> Optional.empty();
            case NOT_AUTHENTICATED -> refused(command, CommandResponse.HTTP_UNAUTHORIZED, NOT_AUTHENTICATED,
                    "the credentials of scheme " + scheme + " were not accepted");
            case NOT_AUTHORIZED -> refused(command, CommandResponse.HTTP_FORBIDDEN, NOT_AUTHORIZED,
                    "the root node's ACL does not grant every permission to the caller");
            case NO_NODE -> refused(command, CommandResponse.HTTP_INTERNAL_ERROR, AUTH_ERROR,
                    "there is no root node to check the ACL of");
        };
    }

    /**
     * What an {@code Authorization} header grants: the scheme's provider authenticates the credentials and the
     * root node's ACL must grant every permission. A missing or malformed header, or no running server, is
     * {@link AdminAccess#NOT_AUTHENTICATED}. Web pages on the admin port use this too, so they ask what
     * {@code snapshot} asks.
     */
    public static AdminAccess check(String header, String remoteAddress, ServerStatus server) {
        return check(header, ConnectionInfo.plain(remoteAddress), server);
    }

    /** As {@link #check(String, String, ServerStatus)}, for a request that may carry a client certificate. */
    static AdminAccess check(String header, ConnectionInfo connection, ServerStatus server) {
        if (header == null || server == null || malformed(header)) {
            return AdminAccess.NOT_AUTHENTICATED;
        }
        String[] parts = header.split(" ");
        byte[] credentials = parts.length == 2 ? parts[1].getBytes(StandardCharsets.UTF_8) : null;
        return server.checkAccess(parts[0], credentials, connection, ROOT_PATH, ALL_PERMISSIONS);
    }

    /** Apache splits on single spaces and drops trailing empty parts; one or two parts are valid. */
    private static boolean malformed(String header) {
        int parts = header.split(" ").length;
        return parts != 1 && parts != 2;
    }

    private static Optional<CommandResponse> refused(String command, int status, String error, String why) {
        LOG.warn("Admin command {} refused: {}", command, why);
        return Optional.of(CommandResponse.failed(command, status, error));
    }
}
