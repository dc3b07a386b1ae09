package dev.menagerie.server.impl.auth;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import javax.security.auth.kerberos.KerberosPrincipal;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.sasl.Sasl;
import javax.security.sasl.SaslException;
import javax.security.sasl.SaslServer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of client SASL, as Apache's {@code ServerCnxnFactory.configureSaslLogin}: DIGEST-MD5 with the
 * {@code user_<name>="<password>"} options of the JAAS section {@code sasl.serverconfig} (default {@code Server}) of the
 * JVM's JAAS configuration ({@code -Djava.security.auth.login.config}). The section's options are read; its login
 * module is never loaded, so Apache's files, which name {@code org.apache.zookeeper.server.auth.DigestLoginModule},
 * work unchanged. Kerberos (GSSAPI) is not supported yet and refuses the start.
 */
public final class SaslLogin {
    private static final Logger LOG = LoggerFactory.getLogger(SaslLogin.class);
    public static final String JAAS_FILE_PROPERTY = "java.security.auth.login.config";
    static final String DIGEST_LOGIN_MODULE = "org.apache.zookeeper.server.auth.DigestLoginModule";
    static final String KERBEROS_LOGIN_MODULE = "com.sun.security.auth.module.Krb5LoginModule";
    private static final String USER_PREFIX = "user_";
    /** Apache's protocol and server name for DIGEST-MD5: the client's digest-uri is {@code zookeeper/zk-sasl-md5}. */
    private static final String PROTOCOL = "zookeeper";
    private static final String SERVER_NAME = "zk-sasl-md5";

    private final Map<String, String> passwords;
    private final AuthSettings settings;
    private final PrincipalNames names;

    private SaslLogin(Map<String, String> passwords, AuthSettings settings, PrincipalNames names) {
        this.passwords = Map.copyOf(passwords);
        this.settings = settings;
        this.names = names;
    }

    /**
     * The server's SASL login, or empty when there is no JAAS section for it (clients asking for SASL then get no
     * identity, as from Apache).
     *
     * @throws IllegalArgumentException when the server must not start: the JAAS file cannot be read, the section
     *                                  names Kerberos or another login module, or an auth_to_local rule is invalid
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
        Map<String, String> passwords = new HashMap<>();
        for (AppConfigurationEntry entry : entries) {
            checkLoginModule(section, jaasFile, entry.getLoginModuleName());
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
        PrincipalNames names = new PrincipalNames(settings.authToLocal(), defaultKerberosRealm(),
                settings.removeHost(), settings.removeRealm());
        LOG.info("Client SASL (DIGEST-MD5) enabled from JAAS section '{}': {} users", section, passwords.size());
        return Optional.of(new SaslLogin(passwords, settings, names));
    }

    private static void checkLoginModule(String section, String jaasFile, String module) {
        String where = "JAAS section '" + section + "'" + (jaasFile == null ? "" : " of '" + jaasFile + "'");
        if (KERBEROS_LOGIN_MODULE.equals(module)) {
            throw new IllegalArgumentException(where + " uses " + module
                    + ": Kerberos (GSSAPI) client authentication is not supported yet");
        }
        if (!DIGEST_LOGIN_MODULE.equals(module)) {
            throw new IllegalArgumentException(where + " uses login module " + module + "; only "
                    + DIGEST_LOGIN_MODULE + " (DIGEST-MD5) is supported");
        }
    }

    /** As Apache's {@code KerberosUtil.getDefaultRealm}: {@code ""} without a Kerberos configuration. */
    private static String defaultKerberosRealm() {
        try {
            return new KerberosPrincipal("tmp", KerberosPrincipal.KRB_NT_PRINCIPAL).getRealm();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    /** A DIGEST-MD5 server for one connection's negotiation. */
    public SaslServer newServer() throws SaslException {
        DigestCallbacks callbacks = new DigestCallbacks(passwords, settings.superPassword(), names);
        SaslServer server = Sasl.createSaslServer("DIGEST-MD5", PROTOCOL, SERVER_NAME, null, callbacks);
        if (server == null) {
            throw new SaslException("this JVM offers no DIGEST-MD5 SASL server");
        }
        return server;
    }
}
