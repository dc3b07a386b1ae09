package dev.menagerie.server.impl.auth;

import static dev.menagerie.server.impl.auth.ApacheTypes.apacheAcl;
import static dev.menagerie.server.impl.auth.ApacheTypes.apacheIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.protocol.data.ACL;
import dev.menagerie.protocol.data.Id;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.server.PrepRequestProcessor;
import org.apache.zookeeper.server.ZooKeeperServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random ACLs, permissions and connection identities through Apache's {@code checkACL} and {@code fixupACL} (with
 * Apache's default providers, ip and digest) and through {@link AclChecker} with Menagerie's defaults.
 */
class AclCheckerApacheComparisonTest {
    private static final String ALICE = DigestAuthenticationProvider.generateDigest("alice:pw");
    private static final String BOB = DigestAuthenticationProvider.generateDigest("bob:pw");
    private static final Id[] ACL_IDS = {
        new Id("world", "anyone"), new Id("world", "someone"), new Id("digest", ALICE), new Id("digest", BOB),
        new Id("digest", "malformed"), new Id("ip", "127.0.0.1"), new Id("ip", "10.0.0.0/8"), new Id("ip", "::1"),
        new Id("ip", "not-an-ip"), new Id("auth", ""), new Id("auth", "ignored"), new Id("x509", "CN=a"),
        new Id("sasl", "bob"), new Id("super", ""), new Id("nosuch", "x")};
    private static final Id[] CONNECTION_IDS = {
        new Id("ip", "127.0.0.1"), new Id("ip", "10.1.2.3"), new Id("ip", "0:0:0:0:0:0:0:1"), new Id("digest", ALICE),
        new Id("digest", BOB), new Id("super", ""), new Id("sasl", "bob"), new Id("x509", "CN=a")};
    private static final int CASES = 4000;

    private final AclChecker ours = new AclChecker(ProviderRegistry.defaults(null), false);
    private final ZooKeeperServer apache = new ZooKeeperServer();

    @ParameterizedTest
    @ValueSource(longs = {1L, 5L, 77L})
    void accessDecisionsAreApaches(long seed) {
        Random random = new Random(seed);
        int allowed = 0;
        for (int i = 0; i < CASES; i++) {
            List<ACL> acl = randomAcl(random);
            List<Id> ids = randomIds(random);
            int perm = 1 << random.nextInt(5) | (random.nextInt(4) == 0 ? 1 << random.nextInt(5) : 0);
            boolean expected = apacheAllows(acl, perm, ids);
            assertEquals(expected, ours.isAllowed(acl, perm, ids), "seed " + seed + " case " + i + ": " + perm
                    + " on " + acl + " for " + ids);
            allowed += expected ? 1 : 0;
        }
        assertTrue(allowed > CASES / 10 && allowed < CASES * 9 / 10, "the cases were one-sided: " + allowed);
    }

    @ParameterizedTest
    @ValueSource(longs = {2L, 9L, 1234L})
    void aclFixupIsApaches(long seed) {
        Random random = new Random(seed);
        int valid = 0;
        for (int i = 0; i < CASES; i++) {
            List<ACL> acl = random.nextInt(20) == 0 ? List.of() : randomAcl(random);
            List<Id> ids = randomIds(random);
            String context = "seed " + seed + " case " + i + ": " + acl + " for " + ids;
            // Apache's request carries the connection's ids in its hash-set order; ours carries them as gained.
            List<ACL> expected = apacheFixup(acl, ApacheIdOrder.of(ids));
            try {
                List<ACL> fixed = ours.fixupAcl("/n", acl, ids);
                assertEquals(expected, fixed, context);
                valid++;
            } catch (InvalidAclException e) {
                assertEquals(null, expected, context + " was refused: " + e.getMessage());
            }
        }
        assertTrue(valid > CASES / 20 && valid < CASES * 19 / 20, "the cases were one-sided: " + valid);
    }

    private boolean apacheAllows(List<ACL> acl, int perm, List<Id> ids) {
        try {
            apache.checkACL(null, apacheAcl(acl), perm, apacheIds(ids), "/n", null);
            return true;
        } catch (KeeperException.NoAuthException e) {
            return false;
        }
    }

    private static List<ACL> apacheFixup(List<ACL> acl, List<Id> ids) {
        try {
            return ApacheTypes.ours(PrepRequestProcessor.fixupACL("/n", apacheIds(ids), apacheAcl(acl)));
        } catch (KeeperException.InvalidACLException e) {
            return null;
        }
    }

    private static List<ACL> randomAcl(Random random) {
        List<ACL> acl = new ArrayList<>();
        int size = 1 + random.nextInt(3);
        for (int i = 0; i < size; i++) {
            acl.add(new ACL(random.nextInt(32), ACL_IDS[random.nextInt(ACL_IDS.length)]));
        }
        if (random.nextInt(5) == 0) {
            acl.add(acl.get(0));
        }
        return acl;
    }

    private static List<Id> randomIds(Random random) {
        List<Id> ids = new ArrayList<>();
        for (Id id : CONNECTION_IDS) {
            if (random.nextInt(3) == 0) {
                ids.add(id);
            }
        }
        return ids;
    }
}
