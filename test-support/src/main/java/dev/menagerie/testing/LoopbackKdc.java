package dev.menagerie.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.server.KdcConfigKey;
import org.apache.kerby.kerberos.kerb.server.SimpleKdcServer;

/**
 * An Apache Kerby KDC for realm {@value #REALM} on a free loopback TCP port, the krb5.conf that names it, and
 * keytabs for the principals a test creates. Server processes read the krb5.conf, JAAS file and keytabs in their own
 * JVMs; a test that uses Kerberos in its own JVM calls {@link #pointThisJvmAtIt()} before anything touches Kerberos
 * (the JDK reads its Kerberos configuration once per JVM, so such a test class runs in a fork of its own).
 * The module using it declares {@code org.apache.kerby:kerb-simplekdc} as a test dependency.
 */
public final class LoopbackKdc implements AutoCloseable {

    public static final String REALM = "EXAMPLE.COM";
    public static final String KRB5_CONF_PROPERTY = "java.security.krb5.conf";

    private final SimpleKdcServer kdc;
    private final Path dir;
    private final Path krb5Conf;
    private boolean pointedThisJvm;

    private LoopbackKdc(SimpleKdcServer kdc, Path dir, Path krb5Conf) {
        this.kdc = kdc;
        this.dir = dir;
        this.krb5Conf = krb5Conf;
    }

    /** Starts a KDC whose tickets live as long as Kerby's default, with its database under {@code dir}. */
    public static LoopbackKdc start(Path dir) throws Exception {
        return start(dir, 0);
    }

    /**
     * Starts the KDC with its database under {@code dir} and writes {@code dir/krb5.conf}. This JVM's
     * {@code java.security.krb5.conf} stays as it was (Kerby points it at a file of its own, which is undone).
     *
     * @param ticketLifetimeSeconds how long the tickets it issues live, or 0 for Kerby's default
     */
    public static LoopbackKdc start(Path dir, long ticketLifetimeSeconds) throws Exception {
        int port = FreePorts.next();
        SimpleKdcServer kdc = new SimpleKdcServer();
        kdc.setWorkDir(Files.createDirectories(dir.resolve("kdc")).toFile());
        kdc.setKdcHost("127.0.0.1");
        kdc.setKdcRealm(REALM);
        kdc.setKdcTcpPort(port);
        kdc.setAllowUdp(false);
        if (ticketLifetimeSeconds > 0) {
            kdc.getKdcConfig().setLong(KdcConfigKey.MAXIMUM_TICKET_LIFETIME, ticketLifetimeSeconds);
            kdc.getKdcConfig().setLong(KdcConfigKey.MINIMUM_TICKET_LIFETIME, 1L);
        }
        String jvmKrb5Conf = System.getProperty(KRB5_CONF_PROPERTY);
        kdc.init();
        restore(jvmKrb5Conf);
        kdc.start();
        // This realm only, over TCP to loopback, no DNS.
        Path krb5Conf = dir.resolve("krb5.conf");
        Files.writeString(krb5Conf, "[libdefaults]\n  default_realm = " + REALM + "\n  udp_preference_limit = 1\n"
                + "  dns_lookup_kdc = false\n  dns_lookup_realm = false\n  rdns = false\n"
                + "[realms]\n  " + REALM + " = {\n    kdc = 127.0.0.1:" + port + "\n  }\n");
        return new LoopbackKdc(kdc, dir, krb5Conf);
    }

    private static void restore(String krb5ConfProperty) {
        if (krb5ConfProperty == null) {
            System.clearProperty(KRB5_CONF_PROPERTY);
        } else {
            System.setProperty(KRB5_CONF_PROPERTY, krb5ConfProperty);
        }
    }

    /** Points this JVM's {@code java.security.krb5.conf} at {@link #krb5Conf()}; {@link #close()} clears it. */
    public LoopbackKdc pointThisJvmAtIt() {
        System.setProperty(KRB5_CONF_PROPERTY, krb5Conf.toString());
        pointedThisJvm = true;
        return this;
    }

    /** The krb5.conf that names this KDC. */
    public Path krb5Conf() {
        return krb5Conf;
    }

    /** The keytab {@link #writeKeytab} wrote as {@code name}. */
    public Path keytab(String name) {
        return dir.resolve(name + ".keytab");
    }

    /** Creates {@code principal} (a random key) and writes its keytab {@code <name>.keytab}; returns the path. */
    public Path createWithKeytab(String principal, String name) throws Exception {
        kdc.createPrincipal(principal);
        return writeKeytab(principal, name);
    }

    /** Writes the keys {@code principal} has now to {@code <name>.keytab}; returns the path. */
    public Path writeKeytab(String principal, String name) throws Exception {
        kdc.getKadmin().exportKeytab(keytab(name).toFile(), principal);
        return keytab(name);
    }

    /** Gives {@code principal} a new random key: the keytabs written so far hold one the KDC no longer knows. */
    public void rekey(String principal) throws Exception {
        kdc.deletePrincipal(principal);
        kdc.createPrincipal(principal);
    }

    /**
     * The name of 127.0.0.1 that a {@code service/host} principal can use. A prerequisite, not an option: every
     * Debian machine names 127.0.0.1 "localhost" in /etc/hosts.
     *
     * @throws AssertionError naming /etc/hosts when the loopback address has no host name
     */
    public static String loopbackHostName() {
        String canonical = InetAddress.getLoopbackAddress().getCanonicalHostName();
        if (canonical.equals(InetAddress.getLoopbackAddress().getHostAddress())) {
            throw new AssertionError("the loopback address " + canonical + " has no host name (add \"127.0.0.1"
                    + " localhost\" to /etc/hosts)");
        }
        return canonical;
    }

    /** A JAAS section logging {@code principal} in from {@code keytab} with Krb5LoginModule, as Apache's guide shows. */
    public static String keytabSection(String section, String principal, Path keytab) {
        return keytabSection(section, principal, keytab, "");
    }

    /** As {@link #keytabSection(String, String, Path)}, with {@code isInitiator} (false: an acceptor-only section). */
    public static String keytabSection(String section, String principal, Path keytab, boolean initiator) {
        return keytabSection(section, principal, keytab, "isInitiator=" + initiator + " ");
    }

    private static String keytabSection(String section, String principal, Path keytab, String extraOptions) {
        return section + " { com.sun.security.auth.module.Krb5LoginModule required useKeyTab=true keyTab=\"" + keytab
                + "\" storeKey=true useTicketCache=false doNotPrompt=true " + extraOptions + "principal=\""
                + principal + "\"; };\n";
    }

    @Override
    public void close() throws IOException {
        try {
            kdc.stop();
        } catch (KrbException e) {
            throw new IOException("stopping the KDC: " + e.getMessage(), e);
        } finally {
            if (pointedThisJvm) {
                System.clearProperty(KRB5_CONF_PROPERTY);
            }
        }
    }
}
