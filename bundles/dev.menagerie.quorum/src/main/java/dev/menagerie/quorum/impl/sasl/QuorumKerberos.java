package dev.menagerie.quorum.impl.sasl;

import java.io.IOException;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import javax.security.auth.Subject;
import javax.security.auth.kerberos.KerberosPrincipal;
import javax.security.auth.kerberos.KerberosTicket;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import javax.security.sasl.SaslException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A quorum JAAS section's Kerberos identity (the JDK's {@code Krb5LoginModule}, usually from a keytab), as Apache's
 * {@code Login}: the principal, and the subject the GSSAPI SASL client or server runs as. Apache renews the ticket on
 * a thread; here the learner logs in again, before it dials, once the ticket-granting ticket is past 80% of its life.
 */
final class QuorumKerberos {

    private static final Logger LOG = LoggerFactory.getLogger(QuorumKerberos.class);
    private static final double RENEW_WINDOW = 0.80;

    private final String section;
    private final Configuration jaas;
    private final Subject subject;
    private final KerberosPrincipal principal;
    private LoginContext context;

    private QuorumKerberos(String section, Configuration jaas, LoginContext context, KerberosPrincipal principal) {
        this.section = section;
        this.jaas = jaas;
        this.context = context;
        this.subject = context.getSubject();
        this.principal = principal;
    }

    /** @throws IllegalArgumentException when the KDC, the keytab or the section does not let this server log in */
    static QuorumKerberos login(String section, Configuration jaas) {
        try {
            LoginContext context = withJdkClassLoader(() -> {
                LoginContext created = new LoginContext(section, null, null, jaas);
                created.login();
                return created;
            });
            KerberosPrincipal principal = context.getSubject().getPrincipals(KerberosPrincipal.class).stream()
                    .findFirst().orElseThrow(() -> new LoginException("logged in without a Kerberos principal"));
            LOG.info("Quorum Kerberos login of {} from JAAS section '{}'", principal.getName(), section);
            return new QuorumKerberos(section, jaas, context, principal);
        } catch (LoginException e) {
            throw new IllegalArgumentException("quorum SASL: cannot log in with JAAS section '" + section + "': "
                    + e.getMessage(), e);
        }
    }

    KerberosPrincipal principal() {
        return principal;
    }

    /** Logs in again when the ticket-granting ticket is past {@value #RENEW_WINDOW} of its life (or gone). */
    synchronized void refreshIfDue() throws SaslException {
        KerberosTicket tgt = tgt();
        if (tgt != null) {
            long start = tgt.getStartTime().getTime();
            long end = tgt.getEndTime().getTime();
            if (System.currentTimeMillis() < start + (long) ((end - start) * RENEW_WINDOW)) {
                return;
            }
        }
        try {
            // The JDK's Kerberos login is not safe to run concurrently with another.
            synchronized (QuorumKerberos.class) {
                if (!context.getSubject().getPrincipals().isEmpty()) {
                    context.logout();
                }
                context = withJdkClassLoader(() -> {
                    LoginContext renewed = new LoginContext(section, subject, null, jaas);
                    renewed.login();
                    return renewed;
                });
            }
            LOG.info("Quorum Kerberos login of JAAS section '{}' refreshed", section);
        } catch (LoginException e) {
            throw new SaslException("cannot log JAAS section '" + section + "' in again: " + e.getMessage(), e);
        }
    }

    /** Runs {@code action} as this identity's subject, which GSSAPI takes its credentials from. */
    <T> T as(PrivilegedExceptionAction<T> action) throws IOException {
        try {
            return Subject.doAs(subject, action);
        } catch (PrivilegedActionException e) {
            if (e.getException() instanceof IOException io) {
                throw io;
            }
            throw new SaslException("GSSAPI failed: " + e.getException().getMessage(), e.getException());
        }
    }

    private synchronized KerberosTicket tgt() {
        for (KerberosTicket ticket : subject.getPrivateCredentials(KerberosTicket.class)) {
            KerberosPrincipal server = ticket.getServer();
            if (server.getName().equals("krbtgt/" + server.getRealm() + "@" + server.getRealm())) {
                return ticket;
            }
        }
        return null;
    }

    private interface LoginAction {
        LoginContext run() throws LoginException;
    }

    /** JAAS loads the login module through the context class loader; a bundle's loader does not see the JDK's. */
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
