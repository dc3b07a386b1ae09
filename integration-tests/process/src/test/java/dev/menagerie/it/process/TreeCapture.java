package dev.menagerie.it.process;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Stat;

/**
 * A subtree as a client sees it: per path the data, the ACL and every Stat field, as readable text so that a
 * failed comparison shows exactly which node and field differ.
 */
public final class TreeCapture {

    private TreeCapture() {
    }

    public static Map<String, String> of(ZooKeeper client, String root) throws KeeperException, InterruptedException {
        Map<String, String> nodes = new TreeMap<>();
        List<String> pending = new ArrayList<>(List.of(root));
        while (!pending.isEmpty()) {
            String path = pending.remove(pending.size() - 1);
            nodes.put(path, describe(client, path));
            for (String child : client.getChildren(path, false)) {
                pending.add(path.equals("/") ? "/" + child : path + "/" + child);
            }
        }
        return nodes;
    }

    private static String describe(ZooKeeper client, String path) throws KeeperException, InterruptedException {
        Stat stat = new Stat();
        byte[] data = client.getData(path, false, stat);
        List<ACL> acl = client.getACL(path, new Stat());
        return "data='" + (data == null ? "null" : new String(data, StandardCharsets.UTF_8)) + "'"
                + " acl=" + acl.stream().map(a -> a.getId().getScheme() + ":" + a.getId().getId() + ":"
                        + a.getPerms()).toList()
                + " czxid=0x" + Long.toHexString(stat.getCzxid())
                + " mzxid=0x" + Long.toHexString(stat.getMzxid())
                + " pzxid=0x" + Long.toHexString(stat.getPzxid())
                + " ctime=" + stat.getCtime()
                + " mtime=" + stat.getMtime()
                + " version=" + stat.getVersion()
                + " cversion=" + stat.getCversion()
                + " aversion=" + stat.getAversion()
                + " ephemeralOwner=0x" + Long.toHexString(stat.getEphemeralOwner())
                + " dataLength=" + stat.getDataLength()
                + " numChildren=" + stat.getNumChildren();
    }
}
