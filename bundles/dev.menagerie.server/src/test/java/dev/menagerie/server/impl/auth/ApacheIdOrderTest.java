package dev.menagerie.server.impl.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.menagerie.protocol.data.Id;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class ApacheIdOrderTest {

    @Test
    void hashesIdsAsApachesJuteRecordDoes() {
        for (Id id : List.of(new Id("ip", "127.0.0.1"), new Id("digest", "alice:x"), new Id("sasl", ""))) {
            assertEquals(new org.apache.zookeeper.data.Id(id.scheme(), id.id()).hashCode(),
                    ApacheIdOrder.apacheHashCode(id));
        }
    }

    /** Apache's connection holds its ids in a ConcurrentHashMap key set; we list them as that set iterates. */
    @Test
    void listsIdsAsApachesConnectionSetIterates() {
        for (int count = 1; count < 12; count++) {
            List<Id> gained = new ArrayList<>();
            Set<org.apache.zookeeper.data.Id> apache = Collections.newSetFromMap(new ConcurrentHashMap<>());
            gained.add(new Id("ip", "10.1.2." + count));
            for (int i = 0; i < count; i++) {
                gained.add(new Id(i % 2 == 0 ? "digest" : "x509", "user" + i * 7919 + ":h"));
            }
            gained.forEach(id -> apache.add(new org.apache.zookeeper.data.Id(id.scheme(), id.id())));
            List<String> expected = apache.stream().map(id -> id.getScheme() + ":" + id.getId()).toList();
            assertEquals(expected, ApacheIdOrder.of(gained).stream().map(id -> id.scheme() + ":" + id.id()).toList());
        }
    }
}
