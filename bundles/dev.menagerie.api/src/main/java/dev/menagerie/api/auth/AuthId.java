package dev.menagerie.api.auth;

import java.util.Objects;

/**
 * One identity a connection holds, written {@code scheme:id} in ACLs ({@code digest:alice:<hash>}, {@code ip:10.0.0.1}).
 *
 * @param scheme the scheme of the provider that issued it, or {@value #SUPER_SCHEME}
 * @param id     the scheme-specific id; never null, may be empty
 */
public record AuthId(String scheme, String id) {

    /** The scheme of the super user: an id of this scheme passes every ACL, whatever provider issued it. */
    public static final String SUPER_SCHEME = "super";

    public AuthId {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(id, "id");
    }
}
