package dev.menagerie.protocol.data;

import dev.menagerie.protocol.Perms;

import java.util.List;

/** Well-known identities and ACLs, as Apache ZooKeeper's {@code ZooDefs.Ids} defines them. */
public final class Ids {
    /** Everyone: scheme {@code world}, id {@code anyone}. */
    public static final Id ANYONE_ID_UNSAFE = new Id("world", "anyone");
    /** In an ACL, stands for every identity the creating session has authenticated. */
    public static final Id AUTH_IDS = new Id("auth", "");
    /** All permissions for everyone. */
    public static final List<ACL> OPEN_ACL_UNSAFE = List.of(new ACL(Perms.ALL, ANYONE_ID_UNSAFE));
    /** All permissions for the creator's authenticated identities. */
    public static final List<ACL> CREATOR_ALL_ACL = List.of(new ACL(Perms.ALL, AUTH_IDS));
    /** Read permission for everyone. */
    public static final List<ACL> READ_ACL_UNSAFE = List.of(new ACL(Perms.READ, ANYONE_ID_UNSAFE));

    private Ids() {
    }
}
