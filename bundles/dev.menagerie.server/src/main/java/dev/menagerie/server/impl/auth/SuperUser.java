package dev.menagerie.server.impl.auth;

import dev.menagerie.api.auth.AuthId;
import dev.menagerie.protocol.data.Id;

/** The {@code super} scheme: a connection holding an id of this scheme passes every ACL check. */
public final class SuperUser {
    public static final String SCHEME = AuthId.SUPER_SCHEME;
    /** What digest and SASL super users gain; x509 super users gain {@code super:<their subject>}. */
    public static final Id ID = new Id(SCHEME, "");

    private SuperUser() {
    }

    /** True if {@code id} makes its holder a super user. */
    public static boolean isSuper(Id id) {
        return SCHEME.equals(id.scheme());
    }
}
