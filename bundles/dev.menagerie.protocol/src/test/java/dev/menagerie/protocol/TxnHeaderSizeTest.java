package dev.menagerie.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.menagerie.protocol.jute.JuteWriter;
import dev.menagerie.protocol.txn.TxnHeader;
import org.junit.jupiter.api.Test;

class TxnHeaderSizeTest {

    @Test
    void sizeConstantMatchesTheEncoding() {
        JuteWriter writer = new JuteWriter();
        new TxnHeader(1, 2, 3, 4, 5).write(writer);
        assertEquals(TxnHeader.SIZE_BYTES, writer.size(), "long clientId, int cxid, long zxid, long time, int type");
    }
}
