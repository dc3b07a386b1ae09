package dev.menagerie.api.admin;

import dev.menagerie.api.status.AdminAccess;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** One HTTP request to an {@link AdminPage}, as the admin server received it. */
@ProviderType
public interface AdminPageRequest {

    /** The largest request body the admin server reads for a page; a longer one is refused with HTTP 413. */
    int MAX_BODY_BYTES = 64 * 1024;

    /** The HTTP method, upper case. */
    String method();

    /**
     * The request path below the page's mount path, starting with {@code /} (just {@code /} for the mount path
     * itself and for the mount path with a trailing slash). Percent-escapes are decoded.
     */
    String subPath();

    /** The query parameters, the first value of each, decoded. */
    Map<String, String> parameters();

    /** The first value of a request header (names are case-insensitive). */
    Optional<String> header(String name);

    /** The request body, at most {@link #MAX_BODY_BYTES}; empty for a request without one. */
    byte[] body();

    /** The client's IP address. */
    String remoteAddress();

    /**
     * Checks the request's {@code Authorization} header exactly as the admin {@code snapshot} and {@code restore}
     * commands do: {@code <scheme> <credentials>} authenticated by the server's provider for the scheme (for
     * example {@code digest user:password}), and the root node's ACL granting every permission to the ids it
     * yields. A request without the header, or made while no server runs, is {@link AdminAccess#NOT_AUTHENTICATED}.
     */
    AdminAccess authorization();
}
