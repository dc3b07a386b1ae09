package dev.menagerie.server.impl.auth;

import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import javax.security.auth.Subject;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.kerberos.KerberosPrincipal;
import javax.security.auth.kerberos.KerberosTicket;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import javax.security.sasl.Sasl;
import javax.security.sasl.SaslException;
import javax.security.sasl.SaslServer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's Kerberos identity, as Apache's {@code Login} for a JAAS section with the JDK's
 * {@code Krb5LoginModule}: logs the principal in (typically from a keytab), hands out GSSAPI SASL servers that accept
 * as that principal, and logs in again before the ticket-granting ticket expires (no sooner than
 * {@code kerberos.minReLoginTimeMs} after the previous login).
 */
final class KerberosLogin implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KerberosLogin.class);
    /** Apache refreshes at 80% of the ticket's life, plus up to 5% of jitter. */
    private static final double RENEW_WINDOW = 0.80;
    private static final double RENEW_JITTER = 0.05;
    private static final long RETRY_DELAY_MS = 10_000L;
    private static final int MAX_ATTEMPTS = 2;

    private final String section;
    private final KerberosSettings settings;
    private final boolean usingTicketCache;
    private final Subject subject;
    private final String service;
    private final String host;
    private final ScheduledExecutorService renewer;
    private LoginContext context;
    private long lastLoginNanos;

    private KerberosLogin(String section, KerberosSettings settings, boolean usingTicketCache, LoginContext context,
            String service, String host) {
        this.section = section;
        this.settings = settings;
        this.usingTicketCache = usingTicketCache;
        this.context = context;
        this.subject = context.getSubject();
        this.service = service;
        this.host = host;
        this.lastLoginNanos = System.nanoTime();
        // Without a ticket-granting ticket (an acceptor-only login) there is nothing to renew, as in Apache.
        this.renewer = tgt() == null ? null : Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kerberos-relogin-" + section);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Logs in with JAAS section {@code section}.
     *
     * @throws LoginException           when the KDC, the keytab or the JAAS section does not let the server log in
     * @throws IllegalArgumentException when the logged-in principal is not {@code service/host@REALM}
     */
    static KerberosLogin login(String section, KerberosSettings settings) throws LoginException {
        LoginContext context = withJdkClassLoader(() -> {
            LoginContext created = new LoginContext(section);
            created.login();
            return created;
        });
        KerberosPrincipal principal = context.getSubject().getPrincipals(KerberosPrincipal.class).stream()
                .findFirst().orElseThrow(() -> new LoginException("JAAS section '" + section
                        + "' logged in without a Kerberos principal"));
        // As Apache's SecurityUtils.createSaslServer: zookeeper/host@REALM gives the service and the host name.
        String name = principal.getName();
        int slash = name.indexOf('/');
        int at = name.indexOf('@');
        if (slash <= 0 || at < slash) {
            logout(context);
            throw new IllegalArgumentException("JAAS section '" + section + "' logs in as " + name
                    + "; the server's principal must be service/host@REALM, such as zookeeper/"
                    + "zk1.example.com@EXAMPLE.COM");
        }
        Map<String, ?> options = Configuration.getConfiguration().getAppConfigurationEntry(section)[0].getOptions();
        KerberosLogin login = new KerberosLogin(section, settings, "true".equals(options.get("useTicketCache")),
                context, name.substring(0, slash), name.substring(slash + 1, at));
        LOG.info("Kerberos login of {} from JAAS section '{}'", name, section);
        login.scheduleRefresh(0);
        return login;
    }

    /** A GSSAPI server for one connection, accepting as the server's principal. */
    synchronized SaslServer newServer(CallbackHandler callbacks) throws SaslException {
        try {
            SaslServer server = Subject.doAs(subject, (PrivilegedExceptionAction<SaslServer>) () ->
                    Sasl.createSaslServer("GSSAPI", service, host, null, callbacks));
            if (server == null) {
                throw new SaslException("this JVM offers no GSSAPI SASL server");
            }
            return server;
        } catch (PrivilegedActionException e) {
            throw e.getException() instanceof SaslException sasl ? sasl
                    : new SaslException("cannot create a GSSAPI SASL server", e.getException());
        }
    }

    @Override
    public void close() {
        if (renewer != null) {
            renewer.shutdownNow();
        }
    }

    private void scheduleRefresh(int failedAttempts) {
        if (renewer == null || renewer.isShutdown()) {
            return;
        }
        KerberosTicket tgt = tgt();
        long now = System.currentTimeMillis();
        long delayMs;
        if (failedAttempts > 0) {
            delayMs = RETRY_DELAY_MS;
        } else if (tgt == null) {
            LOG.warn("No ticket-granting ticket for JAAS section '{}': logging in again in {} ms", section,
                    settings.minReLoginTimeMs());
            delayMs = settings.minReLoginTimeMs();
        } else if (usingTicketCache && tgt.getEndTime().equals(tgt.getRenewTill())) {
            LOG.error("The ticket of JAAS section '{}' cannot be renewed beyond {}: new SASL clients will fail after"
                    + " that; raise its maximum renewable life or use a keytab", section, tgt.getEndTime());
            return;
        } else {
            double window = RENEW_WINDOW + RENEW_JITTER * ThreadLocalRandom.current().nextDouble();
            delayMs = refreshAt(tgt.getStartTime().getTime(), tgt.getEndTime().getTime(), now, window,
                    settings.minReLoginTimeMs()) - now;
        }
        LOG.info("Kerberos login of JAAS section '{}' is refreshed in {} s", section, delayMs / 1000);
        renewer.schedule(() -> refresh(failedAttempts), delayMs, TimeUnit.MILLISECONDS);
    }

    /**
     * When to log in again (epoch ms): at {@code window} of the ticket's life, but not sooner than
     * {@code minReLoginTimeMs} from now unless the ticket would expire first, as Apache's {@code Login} thread.
     */
    static long refreshAt(long startMs, long endMs, long nowMs, double window, long minReLoginTimeMs) {
        long proposed = startMs + (long) ((endMs - startMs) * window);
        if (proposed > endMs || nowMs + minReLoginTimeMs > endMs) {
            return nowMs;
        }
        return Math.max(proposed, nowMs + minReLoginTimeMs);
    }

    private void refresh(int failedAttempts) {
        long waitMs = settings.minReLoginTimeMs() - sinceLastLoginMs();
        if (waitMs > 0) {
            // The ticket expires sooner than the minimum allows: wait for the minimum rather than spin (Apache spins).
            LOG.warn("Not logging JAAS section '{}' in again for {} ms (kerberos.minReLoginTimeMs)", section, waitMs);
            renewer.schedule(() -> refresh(failedAttempts), waitMs, TimeUnit.MILLISECONDS);
            return;
        }
        try {
            if (usingTicketCache) {
                renewTicketCache();
            }
            reLogin();
            scheduleRefresh(0);
        } catch (LoginException | java.io.IOException | RuntimeException e) {
            if (failedAttempts + 1 >= MAX_ATTEMPTS) {
                // Apache stops renewing after a failed kinit; we keep trying at the usual pace, which the
                // minimum time between logins bounds.
                LOG.error("Could not log JAAS section '{}' in again; trying again later", section, e);
                scheduleRefresh(0);
                return;
            }
            LOG.warn("Could not log JAAS section '{}' in again, retrying: {}", section, e.getMessage());
            scheduleRefresh(failedAttempts + 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void renewTicketCache() throws java.io.IOException, InterruptedException {
        Process kinit = new ProcessBuilder(settings.kinitCommand(), "-R").redirectErrorStream(true).start();
        String output = new String(kinit.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        int exit = kinit.waitFor();
        if (exit != 0) {
            throw new java.io.IOException(settings.kinitCommand() + " -R exited with " + exit + ": " + output.trim());
        }
    }

    private synchronized long sinceLastLoginMs() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastLoginNanos);
    }

    private synchronized void reLogin() throws LoginException {
        lastLoginNanos = System.nanoTime();
        // The JDK's Kerberos login is not safe to run concurrently with another (Apache serialises them too).
        synchronized (KerberosLogin.class) {
            logout(context);
            context = withJdkClassLoader(() -> {
                LoginContext renewed = new LoginContext(section, subject);
                renewed.login();
                return renewed;
            });
        }
        LOG.info("Kerberos login of JAAS section '{}' refreshed", section);
    }

    /** The current ticket-granting ticket, or null (an acceptor-only login). */
    synchronized KerberosTicket tgt() {
        for (KerberosTicket ticket : subject.getPrivateCredentials(KerberosTicket.class)) {
            KerberosPrincipal server = ticket.getServer();
            if (server.getName().equals("krbtgt/" + server.getRealm() + "@" + server.getRealm())) {
                return ticket;
            }
        }
        return null;
    }

    private static void logout(LoginContext context) throws LoginException {
        // LoginContext.logout throws for a subject that never logged in (ZOOKEEPER-4477).
        if (!context.getSubject().getPrincipals().isEmpty()) {
            context.logout();
        }
    }

    private interface LoginAction {
        LoginContext run() throws LoginException;
    }

    /**
     * Runs {@code action} with the JVM's application class loader as the thread's context loader: JAAS loads the
     * login module class through it, and a bundle's loader does not see {@code com.sun.security.auth.module}.
     */
    private static LoginContext withJdkClassLoader(LoginAction action) throws LoginException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ClassLoader.getSystemClassLoader());
        try {
            return action.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
