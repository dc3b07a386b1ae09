package dev.menagerie.protocol.compat;

import dev.menagerie.protocol.Perms;
import dev.menagerie.protocol.data.ACL;
import dev.menagerie.protocol.data.Id;
import dev.menagerie.protocol.data.Stat;
import dev.menagerie.protocol.data.StatPersisted;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Field values shared by the samples: distinct, negative where a field allows it, and not only ASCII. */
final class Values {
    static final String PATH = "/app/ζώο/节点-0000000007";
    static final String OTHER_PATH = "/locks/lock-";
    static final byte[] DATA = "payload \u00e9\u4e2d".getBytes(StandardCharsets.UTF_8);
    static final byte[] PASSWORD = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, (byte) 0xFF};
    static final Id DIGEST = new Id("digest", "bob:0Q8XS2e0Az5mgw3yQY1rHlKvqJ0=");
    static final List<ACL> ACLS = List.of(
            new ACL(Perms.ALL, new Id("world", "anyone")),
            new ACL(Perms.READ | Perms.ADMIN, DIGEST));
    static final Stat STAT = new Stat(0x1_0000_0001L, 0x2_0000_0005L, 1_700_000_000_123L, 1_700_000_555_999L,
            7, -3, 2, 0x0123_4567_89AB_CDEFL, 4096, 12, 0x2_0000_0009L);
    static final StatPersisted STAT_PERSISTED = new StatPersisted(0x1_0000_0001L, 0x2_0000_0005L,
            1_700_000_000_123L, 1_700_000_555_999L, 7, 3, 2, Long.MIN_VALUE, 0x2_0000_0009L);
    static final List<String> NAMES = List.of("a", "ζ", "node-0000000001", "");

    private Values() {
    }
}
