package dev.menagerie.quorum.impl.zab;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The registers a simulated data tree holds, as a znode's data and version: each key's value and version, folded
 * from the tree's register transactions in zxid order. A set stores its value and bumps the version; a
 * compare-and-set does so only at its expected version, else it changes nothing (Apache logs such a failed
 * setData as an error transaction, which every replica applies as a no-op). Other transactions leave them alone.
 *
 * <p>The fold is cached per tree: a tree only grows in place, or is replaced by a new list (snapshot, truncation,
 * restart), which starts the fold again.
 */
final class SimRegisters {

    /** A register's state; a key never written is value 0 at version 0. */
    record Register(int value, int version) {
        static final Register INITIAL = new Register(0, 0);
    }

    /** A register transaction's body: {@code reg <opId> <key> set <value>} or {@code ... cas <version> <value>}. */
    record Command(long opId, String key, boolean cas, int expectedVersion, int value) {

        String body() {
            return "reg " + opId + " " + key + (cas ? " cas " + expectedVersion : " set") + " " + value;
        }

        /** The command a transaction body holds, or null for other transactions. */
        static Command parse(String body) {
            if (!body.startsWith("reg ")) {
                return null;
            }
            String[] parts = body.split(" ");
            boolean cas = parts[3].equals("cas");
            return new Command(Long.parseLong(parts[1]), parts[2], cas, cas ? Integer.parseInt(parts[4]) : -1,
                    Integer.parseInt(parts[cas ? 5 : 4]));
        }
    }

    private final Map<String, Register> byKey = new HashMap<>();
    private List<SimDisk.Txn> folded;
    private int foldedCount;

    /** The register {@code key} as {@code tree} holds it. */
    Register get(List<SimDisk.Txn> tree, String key) {
        if (tree != folded || tree.size() < foldedCount) {
            byKey.clear();
            folded = tree;
            foldedCount = 0;
        }
        for (; foldedCount < tree.size(); foldedCount++) {
            Command command = Command.parse(tree.get(foldedCount).body());
            if (command != null) {
                Register now = byKey.getOrDefault(command.key(), Register.INITIAL);
                if (!command.cas() || command.expectedVersion() == now.version()) {
                    byKey.put(command.key(), new Register(command.value(), now.version() + 1));
                }
            }
        }
        return byKey.getOrDefault(key, Register.INITIAL);
    }
}
