package dev.menagerie.example.auth.token.impl;

import dev.menagerie.api.auth.AuthId;
import dev.menagerie.api.auth.AuthenticationProvider;
import dev.menagerie.api.auth.ConnectionInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The {@code token} scheme: a client sends {@code addauth token <name>:<secret>}; when the secret is the one
 * configured for that name, the connection holds {@code token:<name>}, which ACL entries {@code token:<name>}
 * match. The {@code scheme} service property is the name zoo.cfg uses to select it: {@code authProvider.1=token}.
 */
@Component(configurationPid = TokenAuthenticationProvider.PID, property = {AuthenticationProvider.SCHEME + "=" + TokenAuthenticationProvider.SCHEME_NAME,
        AuthenticationProvider.CLASS_NAME + "=dev.menagerie.example.auth.token.TokenAuthenticationProvider"})
@Designate(ocd = TokenAuthenticationProvider.Config.class)
public final class TokenAuthenticationProvider implements AuthenticationProvider {

    static final String SCHEME_NAME = "token";
    /** The Configuration Admin PID of the tokens: {@code deploy/dev.menagerie.example.auth.token.cfg}. */
    public static final String PID = "dev.menagerie.example.auth.token";

    @ObjectClassDefinition(name = "Token authentication provider",
            description = "The token names clients may prove, each with its shared secret.")
    public @interface Config {
        @AttributeDefinition(description = "Comma-separated name:secret pairs; names are letters, digits, '.', '_'"
                + " and '-'. Empty: no token is accepted.")
        String tokens() default "";
    }

    private volatile Map<String, byte[]> secretsByName;

    @Activate
    public TokenAuthenticationProvider(Config config) {
        this(config.tokens());
    }

    TokenAuthenticationProvider(String tokens) {
        secretsByName = Tokens.parse(tokens);
    }

    /** New tokens apply to the next auth packet; the service stays registered, so the scheme never blinks. */
    @Modified
    void modified(Config config) {
        secretsByName = Tokens.parse(config.tokens());
    }

    @Override
    public String scheme() {
        return SCHEME_NAME;
    }

    @Override
    public List<AuthId> authenticate(byte[] authData, ConnectionInfo connection) {
        String text = new String(authData, StandardCharsets.UTF_8);
        int colon = text.indexOf(':');
        if (colon < 0) {
            return List.of();
        }
        String name = text.substring(0, colon);
        byte[] expected = secretsByName.get(name);
        byte[] offered = text.substring(colon + 1).getBytes(StandardCharsets.UTF_8);
        // Constant time, so the reply time does not tell how much of a guess was right.
        if (expected == null || !MessageDigest.isEqual(expected, offered)) {
            return List.of();
        }
        return List.of(new AuthId(SCHEME_NAME, name));
    }

    @Override
    public boolean matches(String id, String aclExpression) {
        return id.equals(aclExpression);
    }

    /** A token name is an identity, so the {@code auth} ACL scheme may expand to it. */
    @Override
    public boolean isAuthenticated() {
        return true;
    }

    @Override
    public boolean isValid(String id) {
        return Tokens.isName(id);
    }
}
