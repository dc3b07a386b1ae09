package dev.menagerie.admin.impl.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * One key or trust store named by the four keys Apache ZooKeeper reads for it ({@code <prefix>.location},
 * {@code .password}, {@code .passwordPath}, {@code .type}). Kept as text, so that two readings of the same zoo.cfg
 * compare equal; the file is read only by {@link #load}.
 *
 * @param prefix the keys' common prefix, for messages ({@code ssl.quorum.keyStore})
 * @param location the file, null when not configured
 * @param password the password, or the file holding it when {@code passwordPath} is set
 * @param passwordPath whether {@code password} names a file (Apache: the file wins over an inline password)
 * @param type JKS or PKCS12 as configured, null to infer it from the file's extension
 */
record StoreFile(String prefix, String location, String password, boolean passwordPath, String type) {

    /** Reads the keys of the store {@code prefix} through {@code setting} (blank values read as null). */
    static StoreFile read(String prefix, UnaryOperator<String> setting) {
        String passwordFile = setting.apply(prefix + ".passwordPath");
        return new StoreFile(prefix, setting.apply(prefix + ".location"),
                passwordFile != null ? passwordFile : setting.apply(prefix + ".password"), passwordFile != null,
                setting.apply(prefix + ".type"));
    }

    boolean configured() {
        return location != null;
    }

    /** The store's password: the inline one, or the first line of its password file as Apache reads it. */
    char[] secret() throws IOException {
        if (!passwordPath) {
            return password == null ? new char[0] : password.toCharArray();
        }
        String text;
        try {
            text = Files.readString(Path.of(password), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IOException(prefix + ".passwordPath=" + password + " cannot be read: " + e.getMessage(), e);
        }
        String separator = System.lineSeparator();
        return (text.endsWith(separator) ? text.substring(0, text.length() - separator.length()) : text)
                .toCharArray();
    }

    /** Reads the store; fails with a message naming the keys to fix. */
    KeyStore load() throws IOException {
        if (location == null) {
            throw new IOException(prefix + ".location is not set");
        }
        String storeType = storeType();
        try (InputStream in = Files.newInputStream(Path.of(location))) {
            KeyStore store = KeyStore.getInstance(storeType);
            store.load(in, secret());
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IOException("cannot read " + prefix + ".location=" + location + " as " + storeType + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * JKS or PKCS12, from {@code type} or the extension as Apache infers it. PEM and BCFKS stores, which Apache
     * also reads, are refused by name: the admin server does not read them.
     */
    private String storeType() throws IOException {
        String name = type != null ? type.toUpperCase(Locale.ROOT) : typeOfExtension();
        return switch (name) {
            case "JKS", "PKCS12" -> name;
            case "PEM", "BCFKS" -> throw new IOException(prefix + " is a " + name + " store, which the admin"
                    + " server does not read; use a JKS or PKCS12 store (.jks or .p12)");
            default -> throw new IOException(prefix + ".type=" + type + " is not one of JKS, PKCS12");
        };
    }

    private String typeOfExtension() throws IOException {
        String lower = location.toLowerCase(Locale.ROOT);
        for (String[] extension : new String[][] {{".jks", "JKS"}, {".p12", "PKCS12"},
                {".pem", "PEM"}, {".bcfks", "BCFKS"}}) {
            if (lower.endsWith(extension[0])) {
                return extension[1];
            }
        }
        throw new IOException("cannot tell the type of " + location + " from its name (.jks or .p12); set "
                + prefix + ".type");
    }
}
