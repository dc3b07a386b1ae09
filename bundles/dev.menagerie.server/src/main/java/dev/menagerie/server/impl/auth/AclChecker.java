package dev.menagerie.server.impl.auth;

import dev.menagerie.api.auth.AuthenticationProvider;
import dev.menagerie.protocol.Perms;
import dev.menagerie.protocol.data.ACL;
import dev.menagerie.protocol.data.Id;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * ACL decisions with Apache ZooKeeper 3.9's rules: {@code ZooKeeperServer.checkACL} for access,
 * {@code PrepRequestProcessor.fixupACL} for ACLs that creates and setACLs carry, and the getACL rule of
 * ZOOKEEPER-1392.
 */
public final class AclChecker {
    private final ProviderRegistry providers;
    private final boolean skipAcl;

    /**
     * @param providers the schemes this server knows
     * @param skipAcl   Apache's {@code zookeeper.skipACL=yes}: every check passes (validation still applies)
     */
    public AclChecker(ProviderRegistry providers, boolean skipAcl) {
        this.providers = providers;
        this.skipAcl = skipAcl;
    }

    /**
     * True if {@code authInfo} may do {@code perm} on a node with {@code acl}. An entry grants if it shares any bit
     * with {@code perm} (so READ|ADMIN asks for either), and is {@code world:anyone} or matches one of the
     * connection's ids of its scheme. An empty or null ACL grants everything; a {@code super} id passes everything.
     * Denied means NOAUTH.
     */
    public boolean isAllowed(List<ACL> acl, int perm, Collection<Id> authInfo) {
        if (skipAcl || acl == null || acl.isEmpty() || authInfo.stream().anyMatch(SuperUser::isSuper)) {
            return true;
        }
        for (ACL entry : acl) {
            if ((entry.perms() & perm) != 0 && grants(entry.id(), authInfo)) {
                return true;
            }
        }
        return false;
    }

    private boolean grants(Id aclId, Collection<Id> authInfo) {
        if (isWorldAnyone(aclId)) {
            return true;
        }
        Optional<AuthenticationProvider> provider = providers.provider(aclId.scheme());
        if (provider.isEmpty()) {
            return false;
        }
        for (Id id : authInfo) {
            if (id.scheme().equals(aclId.scheme()) && provider.get().matches(id.id(), aclId.id())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWorldAnyone(Id id) {
        return WorldAuthenticationProvider.SCHEME.equals(id.scheme())
                && WorldAuthenticationProvider.ANYONE.equals(id.id());
    }

    /** getACL (opcode 6) is allowed with READ or ADMIN (ZOOKEEPER-1392); denied means NOAUTH. */
    public boolean mayGetAcl(List<ACL> acl, Collection<Id> authInfo) {
        return isAllowed(acl, Perms.READ | Perms.ADMIN, authInfo);
    }

    /**
     * The ACL a permitted getACL returns: as stored with ADMIN; without it, each {@code digest} id with everything
     * after its first colon replaced by {@code x} ({@code user:x}), so password hashes do not leak.
     */
    public List<ACL> aclVisibleTo(List<ACL> acl, Collection<Id> authInfo) {
        if (isAllowed(acl, Perms.ADMIN, authInfo)) {
            return acl;
        }
        List<ACL> redacted = new ArrayList<>(acl.size());
        for (ACL entry : acl) {
            redacted.add(DigestAuthenticationProvider.SCHEME.equals(entry.id().scheme())
                    ? new ACL(entry.perms(), new Id(entry.id().scheme(), redactDigest(entry.id().id())))
                    : entry);
        }
        return redacted;
    }

    /** Apache's {@code replaceAll(":.*", ":x")}: up to the first line break, as the regex dot stops there. */
    static String redactDigest(String id) {
        return id.replaceAll(":.*", ":x");
    }

    /**
     * Validates and expands the ACL of a create or setACL, as Apache's {@code fixupACL}: exact duplicates are dropped
     * first; then {@code world:anyone} is kept, {@code auth} (whatever its id) becomes one entry per id of the
     * connection whose provider identifies users (digest, x509, sasl; not ip or super), in Apache's order of the
     * connection's ids ({@link ApacheIdOrder}), and any other entry needs a
     * registered scheme that accepts the id. Permission bits are not checked, as in Apache.
     *
     * @throws InvalidAclException for a null or empty list, a null entry or scheme, {@code auth} without any user
     *                             id, or an unknown scheme or malformed id
     */
    public List<ACL> fixupAcl(String path, List<ACL> acl, Collection<Id> authInfo) throws InvalidAclException {
        List<ACL> unique = removeDuplicates(acl);
        if (unique.isEmpty()) {
            throw new InvalidAclException(path, "empty ACL");
        }
        List<ACL> fixed = new ArrayList<>(unique.size());
        for (ACL entry : unique) {
            if (entry == null || entry.id() == null || entry.id().scheme() == null) {
                throw new InvalidAclException(path, "ACL entry without a scheme");
            }
            Id id = entry.id();
            if (isWorldAnyone(id)) {
                fixed.add(entry);
            } else if (id.scheme().equals("auth")) {
                fixed.addAll(expandAuth(path, entry.perms(), authInfo));
            } else {
                fixed.add(validated(path, entry));
            }
        }
        return fixed;
    }

    private List<ACL> expandAuth(String path, int perms, Collection<Id> authInfo) throws InvalidAclException {
        List<ACL> expanded = new ArrayList<>();
        // Apache walks the connection's ids in its hash-set order, which the stored ACL (and getACL) shows.
        for (Id id : ApacheIdOrder.of(authInfo)) {
            Optional<AuthenticationProvider> provider = providers.provider(id.scheme());
            if (provider.isPresent() && provider.get().isAuthenticated()) {
                expanded.add(new ACL(perms, id));
            }
        }
        if (expanded.isEmpty()) {
            throw new InvalidAclException(path, "auth scheme but the session has no authenticated user");
        }
        return expanded;
    }

    private ACL validated(String path, ACL entry) throws InvalidAclException {
        Optional<AuthenticationProvider> provider = providers.provider(entry.id().scheme());
        if (provider.isEmpty() || entry.id().id() == null || !provider.get().isValid(entry.id().id())) {
            throw new InvalidAclException(path, "bad ACL id " + entry.id().scheme() + ":" + entry.id().id());
        }
        return entry;
    }

    private static List<ACL> removeDuplicates(List<ACL> acl) {
        if (acl == null) {
            return List.of();
        }
        List<ACL> unique = new ArrayList<>(acl.size());
        for (ACL entry : acl) {
            if (!unique.contains(entry)) {
                unique.add(entry);
            }
        }
        return unique;
    }
}
