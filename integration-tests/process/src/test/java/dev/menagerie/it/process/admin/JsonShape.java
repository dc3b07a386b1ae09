package dev.menagerie.it.process.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The shape of a JSON document: every path with the type of its value ({@code server_stats.uptime -> integer}).
 * Array elements share the path {@code name[]}; the members of an object whose keys are data (session ids, paths,
 * property names) share the path {@code name.*}, so two servers with different sessions have the same shape.
 */
final class JsonShape {

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
                String name = fixed ? field.getKey() : "*";
                walk(field.getValue(), path.isEmpty() ? name : path + "." + name, dataKeyed, shape);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                walk(element, path + "[]", dataKeyed, shape);
            }
        }
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
