package dev.menagerie.config.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ZooCfgReaderTest {

    @Test
    void skipsCommentsAndBlankLinesButCountsThem() {
        List<ConfigLine> lines = ZooCfgReader.parse("# comment\n\n! also a comment\n  tickTime=2000\n");
        assertEquals(List.of(new ConfigLine("tickTime", "2000", 4)), lines);
    }

    @Test
    void acceptsTheThreePropertiesSeparators() {
        List<ConfigLine> lines = ZooCfgReader.parse("a=1\nb: 2\nc 3\nd = 4 \n");
        assertEquals(List.of(new ConfigLine("a", "1", 1), new ConfigLine("b", "2", 2), new ConfigLine("c", "3", 3),
                new ConfigLine("d", "4", 4)), lines);
    }

    @Test
    void joinsContinuedLinesAndReportsTheFirstLine() {
        List<ConfigLine> lines = ZooCfgReader.parse("x=1\n4lw.commands.whitelist=srvr,\\\n    ruok\ny=2\n");
        assertEquals(new ConfigLine("4lw.commands.whitelist", "srvr,ruok", 2), lines.get(1));
        assertEquals(new ConfigLine("y", "2", 4), lines.get(2));
    }

    @Test
    void decodesEscapesLikeJavaProperties() {
        List<ConfigLine> lines = ZooCfgReader.parse("dataDir=C:\\\\zk\\u0041\nkey\\=x=v\n");
        assertEquals("C:\\zkA", lines.get(0).value());
        assertEquals("key=x", lines.get(1).key());
    }

    @Test
    void handlesWindowsLineEndings() {
        List<ConfigLine> lines = ZooCfgReader.parse("a=1\r\nb=2\r\n");
        assertEquals(List.of(new ConfigLine("a", "1", 1), new ConfigLine("b", "2", 2)), lines);
    }

    @Test
    void keepsRepeatedKeys() {
        List<ConfigLine> lines = ZooCfgReader.parse("a=1\na=2\n");
        assertEquals(2, lines.size());
    }
}
