package dev.menagerie.console.impl;

import dev.menagerie.api.status.NodeStatus;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node as the console's browser shows it. Its path, children, stat and ACL are shown to anyone on the admin
 * port (the {@code dump} and {@code wchp} commands show paths too); its data only when the node's ACL lets
 * {@code world:anyone} read it, or to an operator whose credentials pass the admin check.
 */
final class NodeJson {

    /** Apache's {@code ZooDefs.Perms.READ}. */
    static final int READ = 1;
    /** zkCli's {@code getAcl} letters and their bits, in its order: create, delete, read, write, admin. */
    private static final String PERMISSION_LETTERS = "cdrwa";
    private static final int[] PERMISSION_BITS = {4, 8, 1, 2, 16};

    private NodeJson() {
    }

    static Map<String, Object> toMap(NodeStatus node, boolean operator) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("path", node.path());
        map.put("children", node.children());
        boolean readable = operator || worldReadable(node);
        map.put("data_visible", readable);
        byte[] data = readable ? node.data() : new byte[0];
        map.put("data_text", readable ? text(data) : null);
        map.put("data_base64", readable ? Base64.getEncoder().encodeToString(data) : null);
        map.put("stat", stat(node.stat()));
        List<Map<String, Object>> acl = new ArrayList<>();
        for (NodeStatus.AclEntry entry : node.acl()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("scheme", entry.scheme());
            row.put("id", entry.id());
            row.put("perms", permissions(entry.perms()));
            acl.add(row);
        }
        map.put("acl", acl);
        return map;
    }

    private static boolean worldReadable(NodeStatus node) {
        return node.acl().stream().anyMatch(entry -> "world".equals(entry.scheme()) && "anyone".equals(entry.id())
                && (entry.perms() & READ) != 0);
    }

    /** The data as UTF-8 text, or null when it is not valid UTF-8 (the page then shows the base64). */
    private static String text(byte[] data) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Permission bits as zkCli's {@code getAcl} prints them ({@code cdrwa} for all). */
    static String permissions(int perms) {
        StringBuilder letters = new StringBuilder();
        for (int bit = 0; bit < PERMISSION_BITS.length; bit++) {
            if ((perms & PERMISSION_BITS[bit]) != 0) {
                letters.append(PERMISSION_LETTERS.charAt(bit));
            }
        }
        return letters.toString();
    }

    private static Map<String, Object> stat(NodeStatus.NodeStat stat) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("czxid", Ensemble.hex(stat.czxid()));
        map.put("mzxid", Ensemble.hex(stat.mzxid()));
        map.put("pzxid", Ensemble.hex(stat.pzxid()));
        map.put("ctime", stat.ctime());
        map.put("mtime", stat.mtime());
        map.put("version", stat.version());
        map.put("cversion", stat.cversion());
        map.put("aversion", stat.aversion());
        map.put("ephemeralOwner", "0x" + Long.toHexString(stat.ephemeralOwner()));
        map.put("dataLength", stat.dataLength());
        map.put("numChildren", stat.numChildren());
        return map;
    }
}
