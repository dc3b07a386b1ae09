package dev.menagerie.transport.nio.impl;

import dev.menagerie.api.config.HostPort;
import dev.menagerie.api.transport.ServerCnxnFactory;
import dev.menagerie.api.transport.TransportSettings;
import dev.menagerie.transport.contract.RecordingHandler;
import dev.menagerie.transport.contract.TransportContractTest;
import java.io.IOException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NioTransportContractTest extends TransportContractTest {

    @Override
    protected ServerCnxnFactory newFactory() {
        return new NioServerCnxnFactory();
    }

    @Test
    void secureClientPortIsRefusedWithAClearReason() {
        NioServerCnxnFactory nio = new NioServerCnxnFactory();
        IOException refused = assertThrows(IOException.class, () -> nio.start(new TransportSettings(
                new HostPort("127.0.0.1", 0), new HostPort("127.0.0.1", 0), 1024, null), new RecordingHandler()));
        assertTrue(refused.getMessage().contains("netty"), refused.getMessage());
    }
}
