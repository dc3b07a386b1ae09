package dev.menagerie.server.impl.auth;

/**
 * The server's Kerberos settings, each under Apache's name (zoo.cfg key, or the {@code -Dzookeeper.<key>} property).
 *
 * @param minReLoginTimeMs      {@code kerberos.minReLoginTimeMs}: the least time between two logins of the server's
 *                              principal (Apache's default: one minute)
 * @param kinitCommand          {@code kinit}: the command run with {@code -R} to renew a ticket cache before each
 *                              re-login, when the JAAS section logs in with {@code useTicketCache=true}
 * @param requireKerberosConfig {@code requireKerberosConfig}: without a Kerberos configuration (krb5.conf), SASL
 *                              cannot be set up and the server does not start
 */
public record KerberosSettings(long minReLoginTimeMs, String kinitCommand, boolean requireKerberosConfig) {
    public static final long DEFAULT_MIN_RELOGIN_TIME_MS = 60_000L;
    public static final String DEFAULT_KINIT_COMMAND = "/usr/bin/kinit";
    public static final KerberosSettings DEFAULTS =
            new KerberosSettings(DEFAULT_MIN_RELOGIN_TIME_MS, DEFAULT_KINIT_COMMAND, false);

    public KerberosSettings {
        if (minReLoginTimeMs < 0) {
            throw new IllegalArgumentException("kerberos.minReLoginTimeMs must not be negative: " + minReLoginTimeMs);
        }
    }
}
