package dev.menagerie.quorum.impl.sasl;

import java.util.HashMap;
import java.util.Map;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;

/**
 * The two JAAS sections of quorum SASL, read from the JVM's JAAS configuration
 * ({@code -Djava.security.auth.login.config}) as Apache's files write them: the server section lists
 * {@code user_<name>="<password>"} options of {@code org.apache.zookeeper.server.auth.DigestLoginModule}, the learner
 * section its {@code username} and {@code password}. Only the options are read; that login module class is never
 * loaded. A section of the JDK's {@code Krb5LoginModule} is a Kerberos (GSSAPI) identity instead, which
 * {@link QuorumKerberos} logs in. Apache refuses to start without either section; so do we.
 */
final class QuorumJaas {

    static final String JAAS_FILE_PROPERTY = "java.security.auth.login.config";
    static final String DIGEST_LOGIN_MODULE = "org.apache.zookeeper.server.auth.DigestLoginModule";
    static final String KERBEROS_LOGIN_MODULE = "com.sun.security.auth.module.Krb5LoginModule";
    private static final String USER_PREFIX = "user_";

    /** What the learner section logs in as. */
    record LearnerCredentials(String username, String password) {
        @Override
        public String toString() {
            return "LearnerCredentials[username=" + username + "]";
        }
    }

    private final Configuration jaas;

    /** @param jaas the JVM's JAAS configuration ({@link Configuration#getConfiguration()}) or a test's */
    QuorumJaas(Configuration jaas) {
        this.jaas = jaas;
    }

    /** Whether {@code section} is a Kerberos login (GSSAPI) rather than DIGEST-MD5 users or credentials. */
    boolean kerberos(String section) {
        AppConfigurationEntry[] entries = entries(section);
        boolean kerberos = KERBEROS_LOGIN_MODULE.equals(entries[0].getLoginModuleName());
        for (AppConfigurationEntry entry : entries) {
            if (KERBEROS_LOGIN_MODULE.equals(entry.getLoginModuleName()) != kerberos) {
                throw new IllegalArgumentException(where(section) + " mixes " + KERBEROS_LOGIN_MODULE + " and "
                        + DIGEST_LOGIN_MODULE + "; use one of them");
            }
        }
        return kerberos;
    }

    /** The JAAS configuration, for a Kerberos login. */
    Configuration configuration() {
        return jaas;
    }

    /** The users peers may authenticate as, by name. */
    Map<String, String> serverUsers(String section) {
        Map<String, String> users = new HashMap<>();
        for (AppConfigurationEntry entry : entries(section)) {
            entry.getOptions().forEach((key, value) -> {
                if (key.startsWith(USER_PREFIX) && value instanceof String password) {
                    users.put(key.substring(USER_PREFIX.length()), password);
                }
            });
        }
        return Map.copyOf(users);
    }

    LearnerCredentials learner(String section) {
        String username = null;
        String password = null;
        for (AppConfigurationEntry entry : entries(section)) {
            Map<String, ?> options = entry.getOptions();
            username = options.get("username") instanceof String name ? name : username;
            password = options.get("password") instanceof String secret ? secret : password;
        }
        if (username == null || password == null) {
            throw new IllegalArgumentException(where(section) + " has no username and password options: this"
                    + " server could never authenticate to its peers");
        }
        return new LearnerCredentials(username, password);
    }

    private AppConfigurationEntry[] entries(String section) {
        AppConfigurationEntry[] entries;
        try {
            entries = jaas.getAppConfigurationEntry(section);
        } catch (SecurityException e) {
            throw new IllegalArgumentException("quorum SASL: cannot read the JAAS configuration"
                    + jaasFile() + ": " + rootMessage(e), e);
        }
        if (entries == null || entries.length == 0) {
            throw new IllegalArgumentException("quorum SASL: the JAAS configuration" + jaasFile()
                    + " has no section '" + section + "'");
        }
        for (AppConfigurationEntry entry : entries) {
            String module = entry.getLoginModuleName();
            if (!DIGEST_LOGIN_MODULE.equals(module) && !KERBEROS_LOGIN_MODULE.equals(module)) {
                throw new IllegalArgumentException(where(section) + " uses login module " + module + "; only "
                        + DIGEST_LOGIN_MODULE + " (DIGEST-MD5) and " + KERBEROS_LOGIN_MODULE
                        + " (GSSAPI) are supported between servers");
            }
        }
        return entries;
    }

    private static String where(String section) {
        return "quorum SASL: JAAS section '" + section + "'" + jaasFile();
    }

    private static String jaasFile() {
        String file = System.getProperty(JAAS_FILE_PROPERTY);
        return file == null ? "" : " of '" + file + "'";
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
