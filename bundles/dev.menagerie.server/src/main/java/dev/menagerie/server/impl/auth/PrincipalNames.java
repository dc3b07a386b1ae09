package dev.menagerie.server.impl.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.security.sasl.AuthorizeCallback;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a SASL authentication id into the id a connection is known by ({@code sasl:<id>}), with Apache's rules
 * ({@code SaslServerCallbackHandler} with {@code KerberosName}): a simple name ({@code alice}) stays as it is; a
 * principal {@code service[/host]@REALM} is shortened by the {@code auth_to_local} rules and then gets its host and
 * realm back unless {@code kerberos.removeHostFromPrincipal} / {@code kerberos.removeRealmFromPrincipal} say otherwise.
 * DIGEST-MD5 user names are nearly always simple; the rules matter for Kerberos-style names.
 */
public final class PrincipalNames {
    private static final Logger LOG = LoggerFactory.getLogger(PrincipalNames.class);
    /** A principal with at most two components: service, optional host, realm. */
    private static final Pattern PRINCIPAL = Pattern.compile("([^/@]*)(/([^/@]*))?@([^/@]*)");
    private static final Pattern RULE = Pattern.compile(
            "\\s*((DEFAULT)|(RULE:\\[(\\d*):([^\\]]*)](\\(([^)]*)\\))?(s/([^/]*)/([^/]*)/(g)?)?))");
    private static final Pattern FORMAT_PART = Pattern.compile("([^$]*)(\\$(\\d*))?");

    private final List<Rule> rules;
    private final String defaultRealm;
    private final boolean removeHost;
    private final boolean removeRealm;

    /**
     * @param authToLocal  {@code zookeeper.security.auth_to_local} ({@code DEFAULT} when unset)
     * @param defaultRealm the Kerberos default realm ({@code ""} without a Kerberos configuration, as Apache)
     * @throws IllegalArgumentException when a rule cannot be parsed
     */
    public PrincipalNames(String authToLocal, String defaultRealm, boolean removeHost, boolean removeRealm) {
        this.rules = parseRules(authToLocal == null ? "DEFAULT" : authToLocal);
        this.defaultRealm = defaultRealm == null ? "" : defaultRealm;
        this.removeHost = removeHost;
        this.removeRealm = removeRealm;
    }

    /**
     * The name the connection is authorized as, or empty when no rule maps a principal to a short name (Apache then
     * logs an error and keeps the authorization id the client asked for).
     *
     * @throws IllegalArgumentException for a name with {@code @} that is not a principal, as Apache's
     */
    public Optional<String> authorizedId(String authenticationId) {
        Matcher principal = PRINCIPAL.matcher(authenticationId);
        if (!principal.matches()) {
            if (authenticationId.contains("@")) {
                throw new IllegalArgumentException("Malformed Kerberos name: " + authenticationId);
            }
            return Optional.of(authenticationId);
        }
        String service = principal.group(1);
        String host = principal.group(3);
        String realm = principal.group(4);
        Optional<String> shortName = shortName(service, host, realm);
        if (shortName.isEmpty()) {
            return shortName;
        }
        StringBuilder name = new StringBuilder(shortName.get());
        if (!removeHost && host != null) {
            name.append('/').append(host);
        }
        if (!removeRealm) {
            name.append('@').append(realm);
        }
        return Optional.of(name.toString());
    }

    /**
     * Answers a SASL server's authorize question (DIGEST-MD5 or GSSAPI) with {@link #authorizedId}. One deliberate
     * difference from Apache: when no {@code auth_to_local} rule maps the authentication id, Apache still authorizes
     * the client as whatever authorization id it sent; we only accept an authorization id equal to the
     * authentication id.
     */
    public void authorize(AuthorizeCallback callback) {
        String authenticationId = callback.getAuthenticationID();
        Optional<String> authorized;
        try {
            authorized = authorizedId(authenticationId);
        } catch (IllegalArgumentException e) {
            LOG.warn("SASL authentication id '{}' cannot be mapped: {}", authenticationId, e.getMessage());
            authorized = Optional.empty();
        }
        if (authorized.isPresent()) {
            callback.setAuthorized(true);
            callback.setAuthorizedID(authorized.get());
            return;
        }
        boolean sameId = authenticationId.equals(callback.getAuthorizationID());
        LOG.warn("No auth_to_local rule maps SASL authentication id '{}'; {}", authenticationId,
                sameId ? "using it unchanged" : "refusing authorization id '" + callback.getAuthorizationID() + "'");
        callback.setAuthorized(sameId);
    }

    private Optional<String> shortName(String service, String host, String realm) {
        String[] params = host == null ? new String[] {realm, service} : new String[] {realm, service, host};
        for (Rule rule : rules) {
            String result = rule.apply(params, defaultRealm);
            if (result != null) {
                return result.contains("/") || result.contains("@") ? Optional.empty() : Optional.of(result);
            }
        }
        return Optional.empty();
    }

    private static List<Rule> parseRules(String text) {
        List<Rule> parsed = new ArrayList<>();
        String remaining = text.trim();
        while (!remaining.isEmpty()) {
            Matcher matcher = RULE.matcher(remaining);
            if (!matcher.lookingAt()) {
                throw new IllegalArgumentException("Invalid auth_to_local rule: " + remaining);
            }
            parsed.add(matcher.group(2) != null ? Rule.DEFAULT
                    : new Rule(Integer.parseInt(matcher.group(4)), matcher.group(5), pattern(matcher.group(7)),
                            pattern(matcher.group(9)), matcher.group(10), "g".equals(matcher.group(11))));
            remaining = remaining.substring(matcher.end());
        }
        return List.copyOf(parsed);
    }

    private static Pattern pattern(String regex) {
        return regex == null ? null : Pattern.compile(regex);
    }

    /** {@code DEFAULT}, or {@code RULE:[n:format](match)s/from/to/g} over the params {realm, service, host}. */
    private record Rule(int components, String format, Pattern match, Pattern from, String to, boolean global) {
        static final Rule DEFAULT = new Rule(-1, null, null, null, null, false);

        String apply(String[] params, String defaultRealm) {
            if (this == DEFAULT) {
                return defaultRealm.equals(params[0]) ? params[1] : null;
            }
            if (params.length - 1 != components) {
                return null;
            }
            String base = substitute(format, params);
            if (base == null || (match != null && !match.matcher(base).matches())) {
                return null;
            }
            if (from == null) {
                return base;
            }
            Matcher replacer = from.matcher(base);
            return global ? replacer.replaceAll(to) : replacer.replaceFirst(to);
        }

        /** {@code $0} is the realm, {@code $1} the service, {@code $2} the host; null when out of range. */
        private static String substitute(String format, String[] params) {
            Matcher part = FORMAT_PART.matcher(format);
            StringBuilder result = new StringBuilder();
            int start = 0;
            while (start < format.length() && part.find(start)) {
                result.append(part.group(1));
                if (part.group(3) != null) {
                    int index;
                    try {
                        index = Integer.parseInt(part.group(3));
                    } catch (NumberFormatException e) {
                        return null;
                    }
                    if (index < 0 || index >= params.length) {
                        return null;
                    }
                    result.append(params[index]);
                }
                start = part.end();
            }
            return result.toString();
        }
    }
}
