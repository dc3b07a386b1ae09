package dev.menagerie.server.e2e;

/**
 * The JVM-wide settings both servers read in the differential tests: TTL nodes, hard quotas and a super user.
 * Apache reads some of them once per JVM, in static initialisers, so the pom runs these tests in their own fork
 * with the same properties; setting them here too lets a single class run from an IDE.
 */
final class DifferentialSettings {

    /** The password of the super user is "secret": this is the digest of {@code super:secret}. */
    static final String SUPER_DIGEST = "super:lK75jTNcA+U9vtVEw5vB51mj/w4=";

    private DifferentialSettings() {
    }

    static void apply() {
        System.setProperty("zookeeper.extendedTypesEnabled", "true");
        System.setProperty("zookeeper.enforceQuota", "true");
        System.setProperty("zookeeper.DigestAuthenticationProvider.superDigest", SUPER_DIGEST);
        System.setProperty("zookeeper.admin.enableServer", "false");
    }
}
