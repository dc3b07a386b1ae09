package dev.menagerie.server.impl.auth;

import dev.menagerie.api.auth.AuthId;
import dev.menagerie.api.auth.AuthenticationProvider;
import dev.menagerie.api.auth.ConnectionInfo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The {@code digest} scheme: the client sends {@code user:password}, the connection gains
 * {@code digest:user:base64(hash("user:password"))}, hashed with {@code DigestAuthenticationProvider.digestAlg}
 * (SHA1 unless set). If that digest equals the configured super digest
 * ({@code DigestAuthenticationProvider.superDigest}, made with the same algorithm), it also gains {@code super:},
 * which passes every ACL.
 */
public final class DigestAuthenticationProvider implements AuthenticationProvider {
    public static final String SCHEME = "digest";
    /** The key naming the hash, and its default. */
    public static final String ALGORITHM_KEY = "DigestAuthenticationProvider.digestAlg";
    public static final String DEFAULT_ALGORITHM = "SHA1";

    private final String superDigest;
    private final String algorithm;

    /** @param superDigest {@code super:<base64 sha1>} or null for no super user */
    public DigestAuthenticationProvider(String superDigest) {
        this(superDigest, DEFAULT_ALGORITHM);
    }

    /**
     * @param superDigest {@code super:<base64 hash>} or null for no super user
     * @param algorithm   a {@link MessageDigest} name this JVM provides, such as SHA1, SHA-256 or SHA3-256
     * @throws IllegalArgumentException naming the key when this JVM has no such digest (Apache fails to start)
     */
    public DigestAuthenticationProvider(String superDigest, String algorithm) {
        checkAlgorithm(algorithm);
        this.superDigest = superDigest;
        this.algorithm = algorithm;
    }

    /** @throws IllegalArgumentException naming the key when this JVM has no digest called {@code algorithm} */
    public static void checkAlgorithm(String algorithm) {
        try {
            MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException | IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(ALGORITHM_KEY + "=" + algorithm
                    + ": this JVM provides no such message digest (try SHA1, SHA-256 or SHA3-256)", e);
        }
    }

    /** {@link #generateDigest(String, String)} with SHA1, the default. */
    public static String generateDigest(String idPassword) {
        return generateDigest(idPassword, DEFAULT_ALGORITHM);
    }

    /**
     * {@code user:base64(hash(idPassword))}, where user is the text before the first colon (the whole text if there
     * is none), as Apache's {@code generateDigest}.
     */
    public static String generateDigest(String idPassword, String algorithm) {
        String user = idPassword.split(":", 2)[0];
        return user + ":" + Base64.getEncoder().encodeToString(hash(idPassword, algorithm));
    }

    private static byte[] hash(String text, String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("checked when the provider was made: " + algorithm, e);
        }
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    /** Always succeeds: any {@code user:password} is an identity; whether it opens anything is up to the ACLs. */
    @Override
    public List<AuthId> authenticate(byte[] authData, ConnectionInfo connection) {
        String digest = generateDigest(new String(authData, StandardCharsets.UTF_8), algorithm);
        List<AuthId> ids = new ArrayList<>(2);
        if (digest.equals(superDigest)) {
            ids.add(new AuthId(AuthId.SUPER_SCHEME, ""));
        }
        ids.add(new AuthId(SCHEME, digest));
        return List.copyOf(ids);
    }

    @Override
    public boolean matches(String id, String aclExpression) {
        return id.equals(aclExpression);
    }

    @Override
    public boolean isAuthenticated() {
        return true;
    }

    /** Exactly two non-empty-at-the-end parts around one colon, as Apache's {@code split(":").length == 2}. */
    @Override
    public boolean isValid(String id) {
        return id.split(":").length == 2;
    }

    @Override
    public String userName(String id) {
        return id.split(":")[0];
    }
}
