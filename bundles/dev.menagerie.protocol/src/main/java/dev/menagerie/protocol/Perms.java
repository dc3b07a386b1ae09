package dev.menagerie.protocol;

/** Permission bits of {@code ACL.perms}, as numbered by Apache ZooKeeper's {@code ZooDefs.Perms}. */
public final class Perms {
    public static final int READ = 1;
    public static final int WRITE = 2;
    public static final int CREATE = 4;
    public static final int DELETE = 8;
    public static final int ADMIN = 16;
    public static final int ALL = READ | WRITE | CREATE | DELETE | ADMIN;

    private Perms() {
    }

    /** True if every bit of {@code wanted} is granted by {@code granted}. */
    public static boolean allows(int granted, int wanted) {
        return (granted & wanted) == wanted;
    }
}
