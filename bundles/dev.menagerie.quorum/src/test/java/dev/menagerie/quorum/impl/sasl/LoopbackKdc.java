package dev.menagerie.quorum.impl.sasl;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kerby.kerberos.kerb.server.SimpleKdcServer;

/**
 * An Apache Kerby KDC for realm {@value #REALM} on a free loopback TCP port, the krb5.conf that points a JVM at it
 * ({@code -Djava.security.krb5.conf}), and keytabs for the principals a test creates. Shared with the process tests
 * (test-jar), whose servers read the krb5.conf, JAAS file and keytabs in their own JVMs.
 */
public final class LoopbackKdc implements AutoCloseable {

    public static final String REALM = "EXAMPLE.COM";
    private static final String KRB5_CONF_PROPERTY = "java.security.krb5.conf";

    private final SimpleKdcServer kdc;
    private final Path dir;
    private final Path krb5Conf;

    private LoopbackKdc(SimpleKdcServer kdc, Path dir, Path krb5Conf) {
        this.kdc = kdc;
        this.dir = dir;
        this.krb5Conf = krb5Conf;
    }

    /**
     * Starts the KDC with its database under {@code dir}, and writes {@code dir/krb5.conf}. This JVM's
     * {@code java.security.krb5.conf} stays as it was (Kerby points it at a file of its own, which we undo).
     */
    public static LoopbackKdc start(Path dir) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        SimpleKdcServer kdc = new SimpleKdcServer();
        kdc.setWorkDir(Files.createDirectories(dir.resolve("kdc")).toFile());
        kdc.setKdcHost("127.0.0.1");
        kdc.setKdcRealm(REALM);
        kdc.setKdcTcpPort(port);
        kdc.setAllowUdp(false);
        String jvmKrb5Conf = System.getProperty(KRB5_CONF_PROPERTY);
        kdc.init();
        if (jvmKrb5Conf == null) {
            System.clearProperty(KRB5_CONF_PROPERTY);
        } else {
            System.setProperty(KRB5_CONF_PROPERTY, jvmKrb5Conf);
        }
        kdc.start();
        // This realm only, over TCP to loopback, no DNS.
        Path krb5Conf = dir.resolve("krb5.conf");
        Files.writeString(krb5Conf, "[libdefaults]\n  default_realm = " + REALM + "\n  udp_preference_limit = 1\n"
                + "  dns_lookup_kdc = false\n  dns_lookup_realm = false\n  rdns = false\n"
                + "[realms]\n  " + REALM + " = {\n    kdc = 127.0.0.1:" + port + "\n  }\n");
        return new LoopbackKdc(kdc, dir, krb5Conf);
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

    /**
     * A JAAS section that logs {@code principal} in from {@code keytab} with the JDK's Krb5LoginModule, as Apache's
     * documentation writes it (plus {@code isInitiator}, which only an acceptor-only section sets to false).
     */
    public static String keytabSection(String section, String principal, Path keytab, boolean initiator) {
        return section + " { com.sun.security.auth.module.Krb5LoginModule required useKeyTab=true keyTab=\"" + keytab
                + "\" storeKey=true useTicketCache=false doNotPrompt=true isInitiator=" + initiator
                + " principal=\"" + principal + "\"; };\n";
    }

    @Override
    public void close() throws IOException {
        try {
            kdc.stop();
        } catch (org.apache.kerby.kerberos.kerb.KrbException e) {
            throw new IOException("stopping the KDC: " + e.getMessage(), e);
        }
    }
}
