package dev.menagerie.it.process.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The shape of a JSON document: every path with the type of its value ({@code server_stats.uptime -> integer}).
 * Array elements share the path {@code name[]}; the members of an object whose keys are data (session ids, paths,
 * property names) share the path {@code name.*}, so two servers with different sessions have the same shape.
 */
final class JsonShape {

    private static final Pattern PER_NAMESPACE =
            Pattern.compile("^([a-z0-9]+)_.+_((?:read|write)_per_namespace)$");

    private JsonShape() {
    }

    /** @param dataKeyed the paths of objects whose keys are data, "" for the document itself */
    static Map<String, String> of(JsonNode document, Set<String> dataKeyed) {
        Map<String, String> shape = new TreeMap<>();
        walk(document, "", dataKeyed, shape);
        return shape;
    }

    private static void walk(JsonNode node, String path, Set<String> dataKeyed, Map<String, String> shape) {
        if (!path.isEmpty()) {
            shape.merge(path, type(node), (a, b) -> a.equals(b) ? a : a + "|" + b);
        }
        if (node.isObject()) {
            boolean data = dataKeyed.contains(path);
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                boolean fixed = !data || field.getKey().equals("command") || field.getKey().equals("error");
                String name = fixed ? withoutNamespace(field.getKey()) : "*";
                walk(field.getValue(), path.isEmpty() ? name : path + "." + name, dataKeyed, shape);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                walk(element, path + "[]", dataKeyed, shape);
            }
        }
    }

    /**
     * A per-namespace metric's key with its namespace (the first path segment, which is data) replaced by
     * {@code *}: {@code avg_probe-0000000001_write_per_namespace -> avg_*_write_per_namespace}. The tests' write
     * probes create sequential nodes, so each ensemble's namespaces depend on how many probes it took.
     */
    static String withoutNamespace(String key) {
        return PER_NAMESPACE.matcher(key).replaceFirst("$1_*_$2");
    }

    /** JSON's types, with whole numbers told apart from fractions as Apache's Jackson output tells them. */
    static String type(JsonNode node) {
        if (node.isNull()) {
            return "null";
        } else if (node.isTextual()) {
            return "string";
        } else if (node.isBoolean()) {
            return "boolean";
        } else if (node.isIntegralNumber()) {
            return "integer";
        } else if (node.isNumber()) {
            return "fraction";
        } else if (node.isArray()) {
            return "array";
        }
        return "object";
    }
}
