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
 * {@code digest:user:base64(sha1("user:password"))}. If that digest equals the configured super digest
 * ({@code zookeeper.DigestAuthenticationProvider.superDigest}), it also gains {@code super:}, which passes every ACL.
 */
public final class DigestAuthenticationProvider implements AuthenticationProvider {
    public static final String SCHEME = "digest";
    /** The default of {@code zookeeper.DigestAuthenticationProvider.digestAlg}. */
    public static final String DEFAULT_ALGORITHM = "SHA1";

    private final String superDigest;

    /** @param superDigest {@code super:<base64 sha1>} or null for no super user */
    public DigestAuthenticationProvider(String superDigest) {
        this.superDigest = superDigest;
    }

    /**
     * {@code user:base64(sha1(idPassword))}, where user is the text before the first colon (the whole text if there
     * is none), as Apache's {@code generateDigest}.
     */
    public static String generateDigest(String idPassword) {
        String user = idPassword.split(":", 2)[0];
        return user + ":" + Base64.getEncoder().encodeToString(sha1(idPassword));
    }

    private static byte[] sha1(String text) {
        try {
            return MessageDigest.getInstance(DEFAULT_ALGORITHM).digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-1", e);
        }
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    /** Always succeeds: any {@code user:password} is an identity; whether it opens anything is up to the ACLs. */
    @Override
    public List<AuthId> authenticate(byte[] authData, ConnectionInfo connection) {
        String digest = generateDigest(new String(authData, StandardCharsets.UTF_8));
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
