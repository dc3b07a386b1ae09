package dev.menagerie.quorum.impl.tls;

import java.io.IOException;
import java.util.Locale;

/** The key and trust store formats Apache's quorum TLS reads without extra providers, by name and extension. */
public enum StoreType {
    JKS(".jks"),
    PKCS12(".p12"),
    PEM(".pem");

    private final String extension;

    StoreType(String extension) {
        this.extension = extension;
    }

    /**
     * The type {@code setting} names or, when it is unset, the one {@code location}'s extension tells, as Apache's
     * X509Util infers it. BCFKS, which Apache reads through BouncyCastle, is refused by name.
     */
    static StoreType of(String setting, String location, String key) throws IOException {
        if (setting != null) {
            try {
                return valueOf(setting.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IOException(key + " must be JKS, PKCS12 or PEM, not " + setting);
            }
        }
        int dot = location.lastIndexOf('.');
        String found = dot < 0 ? "" : location.substring(dot);
        for (StoreType type : values()) {
            if (type.extension.equals(found)) {
                return type;
            }
        }
        throw new IOException("cannot tell the store type of " + location + " from its name (.jks, .p12 or .pem);"
                + " set " + key);
    }
}
