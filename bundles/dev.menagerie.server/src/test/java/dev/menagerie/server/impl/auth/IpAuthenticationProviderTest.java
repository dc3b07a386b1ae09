package dev.menagerie.server.impl.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;


import dev.menagerie.api.auth.AuthId;
import dev.menagerie.api.auth.ConnectionInfo;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAuthenticationProviderTest {
    private final IpAuthenticationProvider ours = new IpAuthenticationProvider();
    private final org.apache.zookeeper.server.auth.IPAuthenticationProvider apache =
            new org.apache.zookeeper.server.auth.IPAuthenticationProvider();

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, 127.0.0.1", "127.0.0.2, 127.0.0.1", "10.1.2.3, 10.0.0.0/8", "11.1.2.3, 10.0.0.0/8",
        "192.168.5.9, 192.168.4.0/23", "192.168.6.9, 192.168.4.0/23", "1.2.3.4, 0.0.0.0/0", "1.2.3.4, 1.2.3.4/32",
        "1.2.3.4, 1.2.3.4/33", "1.2.3.4, 1.2.3.4/-1", "1.2.3.4, 1.2.3.4/x", "1.2.3.4, 1.2.3", "1.2.3.4, 1.2.3.256",
        "0:0:0:0:0:0:0:1, ::1", "0:0:0:0:0:0:0:1, ::1/128", "fe80:0:0:0:1:2:3:4, fe80::/10",
        "fe80:0:0:0:1:2:3:4, fe80::/129", "2001:db8:0:0:0:0:0:1, 2001:db8::/32", "2001:db9:0:0:0:0:0:1, 2001:db8::/32",
        "127.0.0.1, ::1", "0:0:0:0:0:0:0:1, 127.0.0.1/0", "::ffff:1.2.3.4, ::ffff:1.2.3.4",
        "1:2:3:4:5:6:7:8, 1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:9, 1:2:3:4:5:6:7:8", "1::2::3, 1::2",
        "12345::1, 12345::1", "localhost, localhost", "1.2.3.4, ''"
    })
    void matchingIsApaches(String client, String aclExpression) {
        String expression = aclExpression == null ? "" : aclExpression;
        assertEquals(apache.matches(client, expression), ours.matches(client, expression),
                client + " against " + expression);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.0.0.0/8", "10.0.0.0/33", "10.0.0.0/", "1.2.3", "::1", "::1/64",
        "::1/200", "fe80::1%eth0", "host.example.com", "1:2:3:4:5:6:7:8", "1::2::3", "256.1.1.1"})
    void validityIsApaches(String id) {
        assertEquals(apache.isValid(id), ours.isValid(id), id);
    }

    @Test
    void authenticatingGivesTheClientAddress() {
        assertEquals(List.of(new AuthId("ip", "10.9.8.7")), ours.authenticate(new byte[0], ConnectionInfo.plain("10.9.8.7")));
    }

    @Test
    void subnetMasksAdmitOnlyTheSubnet() {
        assertTrue(ours.matches("10.20.30.40", "10.20.0.0/16"));
        assertFalse(ours.matches("10.21.30.40", "10.20.0.0/16"));
    }
}
