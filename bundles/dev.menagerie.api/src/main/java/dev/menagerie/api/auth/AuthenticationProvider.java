package dev.menagerie.api.auth;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One ACL scheme, with Apache ZooKeeper's {@code AuthenticationProvider} semantics. A bundle registers one as a
 * service with the property {@value #SCHEME}; zoo.cfg turns it on with {@code authProvider.N=<scheme>} (or with the
 * class name given in the optional {@value #CLASS_NAME} property). The server calls it from many threads at once:
 * implementations are thread-safe and answer quickly (no I/O on the request path).
 *
 * <p>The schemes {@code world}, {@code ip}, {@code digest}, {@code x509}, {@code sasl}, {@code super} and
 * {@code auth} are the server's own; a plugin registering one of them is ignored.
 */
@ConsumerType
public interface AuthenticationProvider {

    /** Service property: the scheme this provider issues and matches, equal to {@link #scheme()}. Required. */
    String SCHEME = "scheme";

    /**
     * Service property, optional: the Java class name an Apache ZooKeeper zoo.cfg names in {@code authProvider.N}
     * for this scheme, so that such a zoo.cfg selects this provider unchanged.
     */
    String CLASS_NAME = "className";

    /** The scheme: the {@code scheme} of the ids this provider issues and of the ACL entries it matches. */
    String scheme();

    /**
     * Checks the data of an auth packet (opcode 100, Apache's {@code addAuthInfo(scheme, data)}).
     *
     * @return the ids the connection gains, each of this scheme or {@value AuthId#SUPER_SCHEME}; an empty list means
     *         the authentication failed (the client gets AUTHFAILED and its connection closes). Never null.
     */
    List<AuthId> authenticate(byte[] authData, ConnectionInfo connection);

    /** True if an authenticated {@code id} of this scheme satisfies the ACL entry whose id is {@code aclExpression}. */
    boolean matches(String id, String aclExpression);

    /** True if the ids this provider issues identify a user, so that the {@code auth} ACL scheme may expand to them. */
    boolean isAuthenticated();

    /** True if {@code id} is well formed for an ACL entry of this scheme; false makes a create or setACL InvalidACL. */
    boolean isValid(String id);

    /** The user name of an id this provider issued, for whoAmI and the audit log; most schemes use the whole id. */
    default String userName(String id) {
        return id;
    }
}
