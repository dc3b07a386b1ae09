package dev.menagerie.admin.impl.command;

import dev.menagerie.api.auth.ConnectionInfo;
import dev.menagerie.api.status.AdminAccess;
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
final class AdminAuthorization {

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

    /** The refusal to answer, or empty when the request may go on. */
    static Optional<CommandResponse> refusal(String command, CommandRequest request) {
        String header = request.authorization();
        if (header == null) {
            LOG.warn("Admin command {} refused: no Authorization header", command);
            return Optional.of(CommandResponse.failed(command, CommandResponse.HTTP_UNAUTHORIZED, AUTH_MISSING));
        }
        // Apache splits on single spaces and drops trailing empty parts.
        String[] parts = header.split(" ");
        if (parts.length != 1 && parts.length != 2) {
            LOG.warn("Admin command {} refused: the Authorization header is not '<scheme> <credentials>'", command);
            return Optional.of(CommandResponse.failed(command, CommandResponse.HTTP_UNAUTHORIZED, NOT_AUTHENTICATED));
        }
        byte[] credentials = parts.length == 2 ? parts[1].getBytes(StandardCharsets.UTF_8) : null;
        ConnectionInfo connection = new ConnectionInfo(request.remoteAddress(), request.certificateChain());
        AdminAccess access = request.server().checkAccess(parts[0], credentials, connection, ROOT_PATH,
                ALL_PERMISSIONS);
        return switch (access) {
            case GRANTED -> Optional.empty();
            case NOT_AUTHENTICATED -> refused(command, CommandResponse.HTTP_UNAUTHORIZED, NOT_AUTHENTICATED,
                    "the credentials of scheme " + parts[0] + " were not accepted");
            case NOT_AUTHORIZED -> refused(command, CommandResponse.HTTP_FORBIDDEN, NOT_AUTHORIZED,
                    "the root node's ACL does not grant every permission to the caller");
            case NO_NODE -> refused(command, CommandResponse.HTTP_INTERNAL_ERROR, AUTH_ERROR,
                    "there is no root node to check the ACL of");
        };
    }

    private static Optional<CommandResponse> refused(String command, int status, String error, String why) {
        LOG.warn("Admin command {} refused: {}", command, why);
        return Optional.of(CommandResponse.failed(command, status, error));
    }
}
