package dev.menagerie.server.impl.auth;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import javax.security.auth.callback.Callback;
import javax.security.auth.kerberos.KerberosPrincipal;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginException;
import javax.security.sasl.AuthorizeCallback;
import javax.security.sasl.Sasl;
import javax.security.sasl.SaslException;
import javax.security.sasl.SaslServer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of client SASL, as Apache's {@code ServerCnxnFactory.configureSaslLogin}, from the JAAS section
 * {@code sasl.serverconfig} (default {@code Server}) of the JVM's JAAS configuration
 * ({@code -Djava.security.auth.login.config}):
 * <ul>
 * <li>{@code org.apache.zookeeper.server.auth.DigestLoginModule}: DIGEST-MD5 with the section's
 * {@code user_<name>="<password>"} options. The options are read; the module class is never loaded, so Apache's files
 * work unchanged.</li>
 * <li>{@code com.sun.security.auth.module.Krb5LoginModule}: Kerberos (GSSAPI). The JDK's module logs the server's
 * principal ({@code service/host@REALM}) in when the server starts ({@link KerberosLogin}); a login that fails
 * refuses the start, as in Apache.</li>
 * </ul>
 */
public final class SaslLogin implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SaslLogin.class);
    public static final String JAAS_FILE_PROPERTY = "java.security.auth.login.config";
    static final String DIGEST_LOGIN_MODULE = "org.apache.zookeeper.server.auth.DigestLoginModule";
    static final String KERBEROS_LOGIN_MODULE = "com.sun.security.auth.module.Krb5LoginModule";
    private static final String USER_PREFIX = "user_";
    /** Apache's protocol and server name for DIGEST-MD5: the client's digest-uri is {@code zookeeper/zk-sasl-md5}. */
    private static final String PROTOCOL = "zookeeper";
    private static final String SERVER_NAME = "zk-sasl-md5";

    private final Map<String, String> passwords;
    private final KerberosLogin kerberos;
    private final AuthSettings settings;
    private final PrincipalNames names;

    /** {@code kerberos} is null for DIGEST-MD5, whose users are {@code passwords}. */
    private SaslLogin(Map<String, String> passwords, KerberosLogin kerberos, AuthSettings settings,
            PrincipalNames names) {
        this.passwords = Map.copyOf(passwords);
        this.kerberos = kerberos;
        this.settings = settings;
        this.names = names;
    }

    /**
     * The server's SASL login, or empty when there is no JAAS section for it (clients asking for SASL then get no
     * identity, as from Apache).
     *
     * @throws IllegalArgumentException when the server must not start: the JAAS file cannot be read, the section
     *                                  names another login module, the Kerberos login fails, an auth_to_local rule
     *                                  is invalid, or {@code requireKerberosConfig} finds no Kerberos configuration
     */
    public static Optional<SaslLogin> configure(AuthSettings settings) {
        String section = settings.jaasSection();
        String jaasFile = System.getProperty(JAAS_FILE_PROPERTY);
        AppConfigurationEntry[] entries;
        try {
            entries = Configuration.getConfiguration().getAppConfigurationEntry(section);
        } catch (SecurityException e) {
            if (jaasFile == null && !settings.jaasSectionNamed()) {
                return Optional.empty();
            }
            throw new IllegalArgumentException("No JAAS configuration section named '" + section + "' was found"
                    + (jaasFile == null ? "" : " in '" + jaasFile + "'") + ": " + rootMessage(e));
        }
        if (entries == null) {
            if (jaasFile != null || settings.jaasSectionNamed()) {
                // Apache starts without client SASL here too; we say so.
                LOG.warn("The JAAS configuration{} has no section '{}': clients asking for SASL will not be"
                        + " authenticated", jaasFile == null ? "" : " '" + jaasFile + "'", section);
            }
            return Optional.empty();
        }
        String where = "JAAS section '" + section + "'" + (jaasFile == null ? "" : " of '" + jaasFile + "'");
        PrincipalNames names = new PrincipalNames(settings.authToLocal(), defaultKerberosRealm(where, settings),
                settings.removeHost(), settings.removeRealm());
        if (KERBEROS_LOGIN_MODULE.equals(entries[0].getLoginModuleName())) {
            return Optional.of(new SaslLogin(Map.of(), kerberosLogin(where, settings), settings, names));
        }
        Map<String, String> passwords = new HashMap<>();
        for (AppConfigurationEntry entry : entries) {
            if (!DIGEST_LOGIN_MODULE.equals(entry.getLoginModuleName())) {
                throw new IllegalArgumentException(where + " uses login module " + entry.getLoginModuleName()
                        + "; only " + DIGEST_LOGIN_MODULE + " (DIGEST-MD5) and " + KERBEROS_LOGIN_MODULE
                        + " (GSSAPI) are supported");
            }
            entry.getOptions().forEach((key, value) -> {
                if (key.startsWith(USER_PREFIX) && value instanceof String password) {
                    passwords.put(key.substring(USER_PREFIX.length()), password);
                }
            });
        }
        if (passwords.isEmpty()) {
            LOG.warn("JAAS section '{}' lists no user_<name> entries: every client SASL negotiation will fail",
                    section);
        }
        LOG.info("Client SASL (DIGEST-MD5) enabled from JAAS section '{}': {} users", section, passwords.size());
        return Optional.of(new SaslLogin(passwords, null, settings, names));
    }

    private static KerberosLogin kerberosLogin(String where, AuthSettings settings) {
        try {
            KerberosLogin login = KerberosLogin.login(settings.jaasSection(), settings.kerberos());
            LOG.info("Client SASL (GSSAPI) enabled from {}", where);
            return login;
        } catch (LoginException e) {
            throw new IllegalArgumentException(where + " does not let the server log in to Kerberos: "
                    + rootMessage(e));
        }
    }

    /**
     * As Apache's {@code KerberosUtil.getDefaultRealm}: {@code ""} without a Kerberos configuration, unless
     * {@code requireKerberosConfig} demands one (Apache then fails its first SASL authorization; we refuse the start).
     */
    private static String defaultKerberosRealm(String where, AuthSettings settings) {
        try {
            return new KerberosPrincipal("tmp", KerberosPrincipal.KRB_NT_PRINCIPAL).getRealm();
        } catch (IllegalArgumentException e) {
            if (settings.kerberos().requireKerberosConfig()) {
                throw new IllegalArgumentException("requireKerberosConfig is true, but no Kerberos configuration"
                        + " was found for " + where + " (java.security.krb5.conf or /etc/krb5.conf): "
                        + rootMessage(e));
            }
            return "";
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return String.valueOf(cause.getMessage()).replace('\n', ' ');
    }

    /** A SASL server for one connection's negotiation: GSSAPI for a Kerberos login, else DIGEST-MD5. */
    public SaslServer newServer() throws SaslException {
        if (kerberos != null) {
            // The GSSAPI server asks only who the client is authorized as.
            return kerberos.newServer(callbacks -> {
                for (Callback callback : callbacks) {
                    if (callback instanceof AuthorizeCallback authorize) {
                        names.authorize(authorize);
                    }
                }
            });
        }
        DigestCallbacks callbacks = new DigestCallbacks(passwords, settings.superPassword(), names);
        SaslServer server = Sasl.createSaslServer("DIGEST-MD5", PROTOCOL, SERVER_NAME, null, callbacks);
        if (server == null) {
            throw new SaslException("this JVM offers no DIGEST-MD5 SASL server");
        }
        return server;
    }

    /** Stops renewing the Kerberos login, if any. */
    @Override
    public void close() {
        if (kerberos != null) {
            kerberos.close();
        }
    }
}
