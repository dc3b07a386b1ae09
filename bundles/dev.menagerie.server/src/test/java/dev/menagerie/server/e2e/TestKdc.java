package dev.menagerie.server.e2e;

import dev.menagerie.testing.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kerby.kerberos.kerb.server.KdcConfigKey;
import org.apache.kerby.kerberos.kerb.server.SimpleKdcServer;

/**
 * An Apache Kerby KDC in this JVM, for realm {@value #REALM} on a free loopback TCP port, with the krb5.conf that
 * points the JDK at it. The JDK reads its Kerberos configuration once per JVM: {@link #start} before anything
 * touches Kerberos, and run each test class that uses it in a fresh fork (see the pom's {@code client-kerberos}).
 */
public final class TestKdc implements AutoCloseable {
    public static final String REALM = "EXAMPLE.COM";
    public static final String KRB5_CONF_PROPERTY = "java.security.krb5.conf";

    private final SimpleKdcServer kdc;
    private final Path dir;

    private TestKdc(SimpleKdcServer kdc, Path dir) {
        this.kdc = kdc;
        this.dir = dir;
    }

    /**
     * Starts the KDC and points {@code java.security.krb5.conf} at a krb5.conf for it.
     *
     * @param ticketLifetimeSeconds how long the tickets it issues live
     */
    public static TestKdc start(Path dir, long ticketLifetimeSeconds) throws Exception {
        Path work = Files.createDirectories(dir.resolve("kdc"));
        int port = FreePorts.next();
        SimpleKdcServer kdc = new SimpleKdcServer();
        kdc.setWorkDir(work.toFile());
        kdc.setKdcHost("127.0.0.1");
        kdc.setKdcRealm(REALM);
        kdc.setKdcTcpPort(port);
        kdc.setAllowUdp(false);
        kdc.getKdcConfig().setLong(KdcConfigKey.MAXIMUM_TICKET_LIFETIME, ticketLifetimeSeconds);
        kdc.getKdcConfig().setLong(KdcConfigKey.MINIMUM_TICKET_LIFETIME, 1L);
        kdc.init();
        kdc.start();
        // Our own krb5.conf: this realm only, over TCP to loopback, no DNS.
        Path krb5Conf = dir.resolve("krb5.conf");
        Files.writeString(krb5Conf, "[libdefaults]\n"
                + "  default_realm = " + REALM + "\n"
                + "  udp_preference_limit = 1\n"
                + "  dns_lookup_kdc = false\n"
                + "  dns_lookup_realm = false\n"
                + "  rdns = false\n"
                + "[realms]\n"
                + "  " + REALM + " = {\n"
                + "    kdc = 127.0.0.1:" + port + "\n"
                + "  }\n");
        System.setProperty(KRB5_CONF_PROPERTY, krb5Conf.toString());
        return new TestKdc(kdc, dir);
    }

    /** Creates {@code principal} (a random key) and writes its keytab to {@code <name>.keytab}; returns the path. */
    public Path principalWithKeytab(String principal, String name) throws Exception {
        kdc.createPrincipal(principal);
        Path keytab = dir.resolve(name + ".keytab");
        kdc.getKadmin().exportKeytab(keytab.toFile(), principal);
        return keytab;
    }

    /**
     * A JAAS section that logs {@code principal} in from {@code keytab} with the JDK's Krb5LoginModule, as Apache's
     * documentation shows.
     */
    public static String keytabSection(String section, String principal, Path keytab) {
        return section + " { com.sun.security.auth.module.Krb5LoginModule required useKeyTab=true keyTab=\""
                + keytab + "\" storeKey=true useTicketCache=false doNotPrompt=true principal=\"" + principal
                + "\"; };\n";
    }

    @Override
    public void close() throws Exception {
        kdc.stop();
        System.clearProperty(KRB5_CONF_PROPERTY);
    }
}
