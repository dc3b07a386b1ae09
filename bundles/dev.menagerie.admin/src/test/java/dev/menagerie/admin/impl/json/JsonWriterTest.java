package dev.menagerie.admin.impl.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.menagerie.admin.testing.MiniJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void escapesQuotesBackslashesAndWhitespaceControls() {
        assertEquals("\"say \\\"hi\\\" C:\\\\tmp\\n\\r\\t\\b\\f\"",
                JsonWriter.compact("say \"hi\" C:\\tmp\n\r\t\b\f"));
    }

    @Test
    void escapesOtherControlCharactersAsUnicode() {
        assertEquals("\"a\\u0000b\\u001fc\\u007f\"", JsonWriter.compact("a\u0000b\u001fc\u007f"));
    }

    @Test
    void escapesLineSeparatorsAndAngleBracketForEmbedding() {
        assertEquals("\"\\u2028\\u2029\\u003c/script>\"", JsonWriter.compact("\u2028\u2029</script>"));
    }

    @Test
    void keepsNonAsciiTextAsIs() {
        assertEquals("\"Zoë ☃ 動物園 \uD83E\uDD92\"", JsonWriter.compact("Zoë ☃ 動物園 \uD83E\uDD92"));
    }

    @Test
    void escapedStringsReadBackToTheOriginal() {
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0x300; c++) {
            every.append(c);
        }
        every.append("\u2028\u2029\uD83D\uDE00");
        assertEquals(every.toString(), MiniJson.parse(JsonWriter.compact(every.toString())));
    }

    @Test
    void writesScalars() {
        assertEquals("null", JsonWriter.compact(null));
        assertEquals("true", JsonWriter.compact(true));
        assertEquals("-42", JsonWriter.compact(-42));
        assertEquals("9223372036854775807", JsonWriter.compact(Long.MAX_VALUE));
        assertEquals("1.5", JsonWriter.compact(1.5d));
        assertEquals("\"/var/data\"", JsonWriter.compact(Path.of("/var/data")));
        assertEquals("\"x\"", JsonWriter.compact(Optional.of("x")));
        assertEquals("null", JsonWriter.compact(Optional.empty()));
    }

    @Test
    void writesNonFiniteNumbersAsNull() {
        assertEquals("[null,null,null]", JsonWriter.compact(
                List.of(Double.NaN, Double.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY)));
    }

    @Test
    void nestsMapsAndListsInInsertionOrder() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", List.of(1, 2));
        inner.put("a", Map.of());
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("command", "x");
        outer.put("error", null);
        outer.put("inner", inner);
        outer.put("list", List.of(List.of(), Arrays.asList("s", null)));
        outer.put("array", new String[] {"q"});

        assertEquals("{\"command\":\"x\",\"error\":null,\"inner\":{\"z\":[1,2],\"a\":{}},"
                + "\"list\":[[],[\"s\",null]],\"array\":[\"q\"]}", JsonWriter.compact(outer));
    }

    @Test
    void escapesMapKeys() {
        assertEquals("{\"a\\\"b\":1}", JsonWriter.compact(Map.of("a\"b", 1)));
    }

    @Test
    void prettyOutputIndentsTwoSpacesPerLevelAndParsesToTheSameValue() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("a", 1);
        value.put("b", List.of("x", Map.of("c", true)));
        value.put("empty", List.of());

        String pretty = JsonWriter.pretty(value);

        assertEquals("{\n  \"a\": 1,\n  \"b\": [\n    \"x\",\n    {\n      \"c\": true\n    }\n  ],\n"
                + "  \"empty\": []\n}", pretty);
        assertEquals(MiniJson.parse(JsonWriter.compact(value)), MiniJson.parse(pretty));
    }

    @Test
    void refusesAMapThatContainsItself() {
        Map<String, Object> loop = new HashMap<>();
        List<Object> list = new ArrayList<>();
        list.add(loop);
        loop.put("self", list);

        assertThrows(IllegalArgumentException.class, () -> JsonWriter.compact(loop));
    }
}
