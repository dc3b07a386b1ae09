package dev.menagerie.server.impl.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.auth.ConnectionInfo;
import dev.menagerie.protocol.Perms;
import dev.menagerie.protocol.data.ACL;
import dev.menagerie.protocol.data.Id;
import dev.menagerie.protocol.data.Ids;

import java.util.List;

import org.junit.jupiter.api.Test;

class AclCheckerTest {
    private static final Id ALICE = new Id("digest", DigestAuthenticationProvider.generateDigest("alice:pw"));
    private static final Id BOB = new Id("digest", DigestAuthenticationProvider.generateDigest("bob:pw"));
    private static final Id LOCAL = new Id("ip", "127.0.0.1");

    private final AclChecker checker = new AclChecker(ProviderRegistry.defaults(null), false);
    private final List<ACL> aliceOwns = List.of(new ACL(Perms.ALL, ALICE), new ACL(Perms.READ, BOB));

    @Test
    void onlyMatchingIdsWithTheRightBitGetIn() {
        assertTrue(checker.isAllowed(aliceOwns, Perms.WRITE, List.of(LOCAL, ALICE)));
        assertTrue(checker.isAllowed(aliceOwns, Perms.READ, List.of(BOB)));
        assertFalse(checker.isAllowed(aliceOwns, Perms.WRITE, List.of(BOB)));
        assertFalse(checker.isAllowed(aliceOwns, Perms.READ, List.of(LOCAL)));
    }

    @Test
    void superUsersAndSkipAclPassEverything() {
        assertTrue(checker.isAllowed(aliceOwns, Perms.ADMIN, List.of(SuperUser.ID)));
        AclChecker skipping = new AclChecker(ProviderRegistry.defaults(null), true);
        assertTrue(skipping.isAllowed(aliceOwns, Perms.ADMIN, List.of()));
    }

    @Test
    void theSuperDigestPasswordMakesAConnectionSuper() {
        String superDigest = DigestAuthenticationProvider.generateDigest("super:root");
        ProviderRegistry registry = ProviderRegistry.defaults(superDigest);
        List<Id> ids = registry.authenticate("digest", "super:root".getBytes(), ConnectionInfo.plain("127.0.0.1"));
        assertTrue(new AclChecker(registry, false).isAllowed(aliceOwns, Perms.DELETE, ids));
    }

    @Test
    void getAclNeedsReadOrAdminAndHidesDigestsWithoutAdmin() {
        List<ACL> readOnlyForBob = List.of(new ACL(Perms.ALL, ALICE), new ACL(Perms.READ, BOB), new ACL(Perms.READ, LOCAL));
        assertTrue(checker.mayGetAcl(readOnlyForBob, List.of(BOB)));
        assertFalse(checker.mayGetAcl(List.of(new ACL(Perms.WRITE, BOB)), List.of(BOB)));
        assertTrue(checker.mayGetAcl(List.of(new ACL(Perms.ADMIN, BOB)), List.of(BOB)));
        assertEquals(List.of(new ACL(Perms.ALL, new Id("digest", "alice:x")), new ACL(Perms.READ, new Id("digest", "bob:x")),
                new ACL(Perms.READ, LOCAL)), checker.aclVisibleTo(readOnlyForBob, List.of(BOB)));
        assertEquals(readOnlyForBob, checker.aclVisibleTo(readOnlyForBob, List.of(ALICE)));
    }

    @Test
    void redactionIsApachesRegex() {
        for (String id : new String[] {"alice:abc=", "nocolon", "a:b:c", ":", "a:\nb"}) {
            assertEquals(id.replaceAll(":.*", ":x"), AclChecker.redactDigest(id));
        }
        assertEquals("alice:x", AclChecker.redactDigest("alice:abc="));
    }

    @Test
    void theAuthSchemeExpandsToTheSessionsUserIds() throws Exception {
        List<ACL> fixed = checker.fixupAcl("/n", Ids.CREATOR_ALL_ACL, List.of(LOCAL, ALICE, SuperUser.ID));
        assertEquals(List.of(new ACL(Perms.ALL, ALICE)), fixed);
    }

    @Test
    void invalidAclsAreRefused() {
        assertThrows(InvalidAclException.class, () -> checker.fixupAcl("/n", List.of(), List.of()));
        assertThrows(InvalidAclException.class, () -> checker.fixupAcl("/n", Ids.CREATOR_ALL_ACL, List.of(LOCAL)));
        assertThrows(InvalidAclException.class,
                () -> checker.fixupAcl("/n", List.of(new ACL(Perms.ALL, new Id("sasl", "bob"))), List.of()),
                "sasl is unknown unless configured");
        InvalidAclException refused = assertThrows(InvalidAclException.class,
                () -> checker.fixupAcl("/n/m", List.of(new ACL(Perms.ALL, new Id("ip", "1.2.3.4/40"))), List.of()));
        assertEquals("/n/m", refused.path());
    }

    @Test
    void registeringSaslMakesSaslAclsValid() throws Exception {
        AclChecker withSasl = new AclChecker(
                ProviderRegistry.defaults(null).with(new SaslAuthenticationProvider(null, java.util.Set.of())), false);
        List<ACL> acl = List.of(new ACL(Perms.ALL, new Id("sasl", "bob")));
        assertEquals(acl, withSasl.fixupAcl("/n", acl, List.of()));
        assertTrue(withSasl.isAllowed(acl, Perms.READ, List.of(new Id("sasl", "bob"))));
    }

    @Test
    void duplicatesAreDroppedBeforeExpansionSoExpansionCanRepeatAnEntry() throws Exception {
        List<ACL> acl = List.of(new ACL(Perms.ALL, ALICE), new ACL(Perms.ALL, ALICE), new ACL(Perms.ALL, Ids.AUTH_IDS));
        assertEquals(List.of(new ACL(Perms.ALL, ALICE), new ACL(Perms.ALL, ALICE)),
                checker.fixupAcl("/n", acl, List.of(ALICE)));
    }

    @Test
    void permissionBitsAreNotValidatedAsInApache() throws Exception {
        List<ACL> odd = List.of(new ACL(0, Ids.ANYONE_ID_UNSAFE), new ACL(1 << 10, LOCAL));
        assertEquals(odd, checker.fixupAcl("/n", odd, List.of()));
    }
}
